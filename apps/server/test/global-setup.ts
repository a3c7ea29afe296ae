import type { TestProject } from 'vitest/node';
import './provided-context';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './template';


export default async function setup(project: TestProject) {
  project.provide('pgliteTemplate', await ensurePgliteTemplate());
  const url = process.env.DATABASE_URL;
  project.provide('postgresTemplate', url ? await ensurePostgresTemplate(url) : null);
}
