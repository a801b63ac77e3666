import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { buildManifest, manifestErrors, packageZip } from '../teams/teamsPackage';
import { runTool } from './cli';

/** `npm run teams:package`: build/iad-partner-assistant-teams.zip, validated, with the app id from .env. */
runTool(async () => {
  const config = loadConfig();
  const missing = (['MicrosoftAppId', 'TEAMS_DEVELOPER_NAME', 'TEAMS_WEBSITE_URL', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    console.error(`Set ${missing.join(', ')} in .env first (see .env.example).`);
    return 1;
  }
  const manifest = buildManifest({
    TEAMS_APP_ID: config.TEAMS_APP_ID ?? config.MicrosoftAppId!,
    MicrosoftAppId: config.MicrosoftAppId!,
    TEAMS_DEVELOPER_NAME: config.TEAMS_DEVELOPER_NAME!,
    TEAMS_WEBSITE_URL: config.TEAMS_WEBSITE_URL!,
    TEAMS_PRIVACY_URL: config.TEAMS_PRIVACY_URL!,
    TEAMS_TERMS_URL: config.TEAMS_TERMS_URL!,
  });
  const errors = await manifestErrors(manifest);
  if (errors.length > 0) {
    console.error(`The Teams manifest is not valid:\n${errors.join('\n')}`);
    return 1;
  }
  mkdirSync('build', { recursive: true });
  const file = join('build', 'iad-partner-assistant-teams.zip');
  writeFileSync(file, packageZip(manifest));
  console.log(`${file}: manifest ${config.TEAMS_APP_ID ?? config.MicrosoftAppId} for bot ${config.MicrosoftAppId}`);
});
