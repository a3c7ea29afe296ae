import { useState, type FocusEvent } from 'react';

/**
 * Whether a message row is "active" — hovered, holding focus, or with one of
 * its menus open. The action toolbar is only mounted for active rows: built
 * for every row it would cost more than the rest of the row together.
 */
export function useRowActivity() {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const rowProps = {
    onPointerEnter: () => setHovered(true),
    onPointerLeave: () => setHovered(false),
    onFocus: () => setFocused(true),
    onBlur: (e: FocusEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
    },
  };
  return { active: hovered || focused || menuOpen, rowProps, setMenuOpen };
}
