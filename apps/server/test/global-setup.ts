import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  project.provide('pgliteTemplate', await ensurePgliteTemplate());
  const url = process.env.DATABASE_URL;
  project.provide('postgresTemplate', url ? await ensurePostgresTemplate(url) : null);
}
