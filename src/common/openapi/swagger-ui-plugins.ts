/*
 * Swagger UI plugins. They run in the browser: Nest serialises each function's source into the
 * page's init script, so they may use nothing but their arguments and the page's globals.
 */

/** The parts of Swagger UI's plugin system these plugins use. */
interface SwaggerUiSystem {
  errActions: { clear(filter: { source: string }): void };
  specActions: { updateJsonSpec(json: unknown): unknown };
}

declare const SwaggerUIBundle: { plugins: { DownloadUrl: (system: unknown) => unknown } };

/** Fetches a document by URL: the version selector needs it (Nest's default plugin list, which `plugins` replaces). */
export function downloadUrlPlugin(system: unknown): unknown {
  return SwaggerUIBundle.plugins.DownloadUrl(system);
}

/**
 * Swagger UI reads every document with a YAML parser, several times slower than JSON.parse on
 * our JSON documents (about half a second for one version). JSON first; anything else as before.
 */
export function jsonSpecPlugin(): unknown {
  return {
    statePlugins: {
      spec: {
        wrapActions: {
          parseToJson: (original: (text?: string) => unknown, system: SwaggerUiSystem) => (text?: string) => {
            if (typeof text === 'string' && text.trimStart().startsWith('{')) {
              try {
                const json: unknown = JSON.parse(text);
                system.errActions.clear({ source: 'parser' });
                return system.specActions.updateJsonSpec(json);
              } catch {
                // Not JSON after all: the YAML parser reports the problem.
              }
            }
            return original(text);
          },
        },
      },
    },
  };
}
