import type { Member } from '@aio/contracts';
import { Check } from 'lucide-react';
import { useId, useState } from 'react';
import { cn } from '../../../lib/cn';
import { Avatar } from '../../../ui/avatar';
import { Input } from '../../../ui/input';
import { usePresence } from '../api/presence-api';
import { PresenceDot } from '../header/conversation-icon';

interface MemberPickerProps {
  workspaceId: string;
  members: Member[];
  selected: string[];
  onChange: (userIds: string[]) => void;
  /** Most people that can be picked (a DM has up to 8 others). */
  max?: number;
}

/** Filterable multi-select of workspace members (a listbox of toggle options). */
export function MemberPicker({ workspaceId, members, selected, onChange, max = 500 }: MemberPickerProps) {
  const [filter, setFilter] = useState('');
  const presence = usePresence(workspaceId);
  const filterId = useId();
  const q = filter.trim().toLowerCase();
  const shown = members.filter((m) => !q || m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q));
  const toggle = (userId: string) =>
    onChange(selected.includes(userId) ? selected.filter((id) => id !== userId) : selected.length < max ? [...selected, userId] : selected);
  return (
    <div className="grid gap-2">
      <label htmlFor={filterId} className="sr-only">Find people</label>
      <Input id={filterId} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Find people by name or e-mail" autoFocus />
      <ul role="listbox" aria-multiselectable aria-label="People" className="max-h-64 overflow-y-auto rounded-md border">
        {shown.length === 0 && <li className="px-3 py-4 text-center text-sm text-muted">No one matches.</li>}
        {shown.map((m) => {
          const isSelected = selected.includes(m.userId);
          return (
            <li
              key={m.userId}
              role="option"
              aria-selected={isSelected}
              tabIndex={0}
              onClick={() => toggle(m.userId)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggle(m.userId))}
              className={cn(
                'flex cursor-pointer items-center gap-2.5 px-3 py-2 text-sm hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none',
                isSelected && 'bg-accent/60',
              )}
            >
              <span className="relative">
                <Avatar name={m.name} email={m.email} className="size-7" />
                <PresenceDot state={presence[m.userId]?.presence ?? 'offline'} className="absolute -right-0.5 -bottom-0.5" />
              </span>
              <span className="grid min-w-0 flex-1">
                <span className="truncate font-medium">{m.name}</span>
                <span className="truncate text-xs text-muted">{m.email}</span>
              </span>
              {isSelected && <Check className="size-4 text-primary" aria-hidden />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
