import { Outlet } from '@tanstack/react-router';
import { Menu } from 'lucide-react';
import { Dialog as D } from 'radix-ui';
import { useState } from 'react';
import { Button } from '../../ui/button';
import { Logo } from '../../ui/logo';
import { Sidebar } from './sidebar';

/** Signed-in frame: sidebar on wide screens, a top bar with a drawer on phones. */
export function AppShell() {
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <div className="flex h-full">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <aside aria-label="Sidebar" className="hidden w-64 shrink-0 border-r bg-surface md:flex">
        <Sidebar />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center gap-2 border-b bg-surface px-3 md:hidden">
          <D.Root open={drawerOpen} onOpenChange={setDrawerOpen}>
            <D.Trigger asChild>
              <Button variant="ghost" size="icon" aria-label="Open navigation">
                <Menu aria-hidden />
              </Button>
            </D.Trigger>
            <D.Portal>
              <D.Overlay className="fixed inset-0 z-40 bg-black/40 data-[state=open]:animate-fade-in" />
              <D.Content
                aria-describedby={undefined}
                className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] border-r bg-surface shadow-xl data-[state=open]:animate-slide-in-left focus:outline-none"
              >
                <D.Title className="sr-only">Navigation</D.Title>
                {/* Any link click closes the drawer (clicks bubble up from the nav). */}
                <div className="flex w-full" onClick={(e) => (e.target as HTMLElement).closest('a') && setDrawerOpen(false)}>
                  <Sidebar />
                </div>
              </D.Content>
            </D.Portal>
          </D.Root>
          <Logo />
        </header>
        <main id="main" tabIndex={-1} className="min-h-0 flex-1 overflow-y-auto focus:outline-none">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
