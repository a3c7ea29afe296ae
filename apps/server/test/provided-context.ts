/** Values the global setup hands to every test file (see vitest's provide/inject). */
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}
export {};
