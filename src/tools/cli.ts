import { ContentError } from '../content/contentError';
import { ConfigError, loadDotEnv } from '../config';

/**
 * Runs a command-line program (the server and the authoring tools) with `.env` loaded:
 * content and configuration mistakes are printed as their one-line-per-problem messages
 * (exit 1), never as a stack trace.
 */
export function runTool(main: (args: string[]) => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(() => {
      loadDotEnv();
      return main(process.argv.slice(2));
    })
    .then((code) => {
      process.exitCode = code ?? 0;
    })
    .catch((error: unknown) => {
      if (error instanceof ContentError || error instanceof ConfigError) {
        console.error(error.message);
      } else {
        console.error(error);
      }
      process.exitCode = 1;
    });
}
