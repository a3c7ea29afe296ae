import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './lib/query-client';
import { initTheme } from './lib/theme';
import { createAppRouter } from './routes/router';
import './styles.css';

// Before the first render, so the first paint already has the chosen theme.
initTheme();

const queryClient = createQueryClient(() => {
  // The session ended elsewhere (expiry, "sign out everywhere"): forget it and
  // send the user to sign in, coming back to where they were.
  const here = router.state.location;
  // Several queries can fail at once; only the first one redirects.
  if (here.pathname === '/sign-in') return;
  queryClient.clear();
  void router.navigate({ href: `/sign-in?${new URLSearchParams({ redirect: here.href })}`, replace: true });
});
const router = createAppRouter(queryClient);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
