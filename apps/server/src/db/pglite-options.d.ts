import type { PGliteOptions } from '@electric-sql/pglite';

export declare function pgliteOptions(dataDir?: string, loadDataDir?: Blob): PGliteOptions;
