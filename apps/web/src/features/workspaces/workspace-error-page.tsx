import type { ErrorComponentProps } from '@tanstack/react-router';
import { Link } from '@tanstack/react-router';
import { SearchX } from 'lucide-react';
import { ApiError, errorMessage } from '../../lib/api';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/feedback';

/** Shown when /w/:id cannot be loaded: unknown id, removed from it, or an outage. */
export function WorkspaceErrorPage({ error, reset }: ErrorComponentProps) {
  const gone = error instanceof ApiError && (error.status === 404 || error.status === 403);
  return (
    <EmptyState
      className="py-24"
      icon={<SearchX />}
      title={gone ? 'Workspace not available' : 'Could not load this workspace'}
      description={gone ? "It doesn't exist or you are no longer a member." : errorMessage(error)}
      action={
        <div className="flex gap-2">
          {!gone && <Button variant="secondary" onClick={reset}>Try again</Button>}
          <Button asChild>
            <Link to="/">Go to my workspaces</Link>
          </Button>
        </div>
      }
    />
  );
}
