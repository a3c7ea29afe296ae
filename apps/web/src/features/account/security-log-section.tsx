import { SectionCard } from '../../ui/card';
import { AuditTable } from '../audit/audit-table';
import { useSecurityLog } from '../audit/api';

export function SecurityLogSection() {
  const query = useSecurityLog();
  return (
    <SectionCard title="Security log" description="Recent security changes on your account: two-factor settings and API keys.">
      <AuditTable query={query} showActor={false} emptyText="Nothing yet. Enabling two-factor or creating an API key will show up here." />
    </SectionCard>
  );
}
