import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';

export const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');
/** The schema version the manifest declares, read from the copy that @microsoft/app-manifest ships (no network). */
const SCHEMA_FILE = join(require.resolve('@microsoft/app-manifest'), '..', 'json-schemas', 'teams', 'v1.24', 'MicrosoftTeams.schema.json');

export type ManifestValues = Record<'TEAMS_APP_ID' | 'MicrosoftAppId' | 'TEAMS_DEVELOPER_NAME' | 'TEAMS_WEBSITE_URL' | 'TEAMS_PRIVACY_URL' | 'TEAMS_TERMS_URL', string>;

/** appPackage/manifest.json with its {{placeholders}} filled; a missing value is an error, never a guess. */
export function buildManifest(values: ManifestValues): object {
  const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name as keyof ManifestValues];
    if (!value) throw new Error(`appPackage/manifest.json needs ${name}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as object;
}

/** Errors of the manifest against the Teams JSON schema it declares; empty when valid. */
export async function manifestErrors(manifest: object): Promise<string[]> {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  return ManifestUtil.validateManifestAgainstSchema(manifest as never, schema);
}

/** The zip Teams accepts for sideloading: manifest.json and the two icons at its root. */
export function packageZip(manifest: object): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    'color.png': readFileSync(join(APP_PACKAGE_DIR, 'color.png')),
    'outline.png': readFileSync(join(APP_PACKAGE_DIR, 'outline.png')),
  });
}
