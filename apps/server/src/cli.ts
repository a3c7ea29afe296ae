import { runCli } from './cli/index';

runCli(process.argv).then((code) => process.exit(code));
