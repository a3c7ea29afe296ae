import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Logo } from '../../ui/logo';
import { ThemeToggle } from '../shell/theme-toggle';

interface AuthLayoutProps {
  title: ReactNode;
  description?: ReactNode;
  /** A large decorative icon above the title (status pages). */
  icon?: ReactNode;
  children: ReactNode;
  /** Links under the card ("Don't have an account? Sign up"). */
  footer?: ReactNode;
}

/** Centered card used by every signed-out page. */
export function AuthLayout({ title, description, icon, children, footer }: AuthLayoutProps) {
  return (
    <div className="flex min-h-full flex-col bg-background">
      <header className="flex items-center justify-between px-6 py-4">
        <Link to="/" className="rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" aria-label="AIO Chat home">
          <Logo />
        </Link>
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className="w-full max-w-[400px]">
          <div className="rounded-2xl border bg-surface p-7 shadow-sm sm:p-8">
            <div className="mb-6 grid gap-1.5">
              {icon && <div className="mb-3 [&_svg]:size-10" aria-hidden>{icon}</div>}
              <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
              {description && <p className="text-sm text-muted">{description}</p>}
            </div>
            {children}
          </div>
          {footer && <div className="mt-6 text-center text-sm text-muted">{footer}</div>}
        </div>
      </main>
    </div>
  );
}

export const inlineLinkClass = 'font-medium text-primary underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none';
