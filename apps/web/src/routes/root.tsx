import { Outlet, createRootRouteWithContext, Link } from '@tanstack/react-router';
import { Toaster } from '../ui/toast';
import { Button } from '../ui/button';
import { Logo } from '../ui/logo';
import type { RouterContext } from './guards';
import { errorMessage } from '../lib/api';

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
  errorComponent: ({ error }) => <FullPageMessage title="Something went wrong" body={errorMessage(error)} />,
});

function RootLayout() {
  return (
    <>
      <Outlet />
      <Toaster />
    </>
  );
}

function NotFound() {
  return <FullPageMessage title="Page not found" body="The page you're looking for doesn't exist or has moved." />;
}

export function FullPageMessage({ title, body }: { title: string; body: string }) {
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-4 px-6 text-center">
      <Logo withText={false} />
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="max-w-md text-sm text-muted">{body}</p>
      <Button asChild variant="secondary">
        <Link to="/">Go home</Link>
      </Button>
    </main>
  );
}
