import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { buildManifest, manifestErrors, packageZip, type ManifestValues } from '../../src/teams/teamsPackage';

const values: ManifestValues = {
  TEAMS_APP_ID: '7a2f9c1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  MicrosoftAppId: '0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
  TEAMS_DEVELOPER_NAME: 'Example Developer',
  TEAMS_WEBSITE_URL: 'https://example.org/assistant',
  TEAMS_PRIVACY_URL: 'https://example.org/privacy',
  TEAMS_TERMS_URL: 'https://example.org/terms',
};

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('teams/teamsPackage', () => {
  it('fills the manifest and it passes the Teams JSON schema it declares (shipped offline)', async () => {
    const manifest = buildManifest(values) as { id: string; bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[] };
    expect(await manifestErrors(manifest)).to.deep.equal([]);
    expect(manifest.id).to.equal(values.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).to.equal(values.MicrosoftAppId);
    expect(manifest.bots[0]!.scopes).to.deep.equal(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title)).to.deep.equal(['Ask a question', 'Request assistance', 'Request training', 'Help']);
  });

  it('names Spanish and French in Teams, each file valid against the Teams localization schema', async () => {
    const manifest = buildManifest(values) as { localizationInfo: { additionalLanguages: { languageTag: string }[] } };
    expect(manifest.localizationInfo.additionalLanguages.map((l) => l.languageTag)).to.deep.equal(['es', 'fr']);
    const files = unzipSync(packageZip(manifest));
    expect(JSON.parse(new TextDecoder().decode(files['es.json']))).to.include({ 'bots[0].commandLists[0].commands[1].title': 'Solicitar asistencia' });
    // A language file that breaks its schema is reported with its name.
    const tooLong = { ...manifest, localizationInfo: { ...manifest.localizationInfo, additionalLanguages: [{ languageTag: 'es', file: '../test/fixtures/teams-bad-language.json' }] } };
    expect((await manifestErrors(tooLong)).join('\n')).to.match(/teams-bad-language\.json/);
  });

  it('finds schema errors', async () => {
    const manifest = buildManifest(values) as Record<string, unknown>;
    delete manifest.name;
    expect((await manifestErrors({ ...manifest, accentColor: 'navy' })).join('\n')).to.match(/name|accentColor/);
  });

  it('refuses to build a manifest with a missing value instead of inventing one', () => {
    expect(() => buildManifest({ ...values, TEAMS_PRIVACY_URL: '' })).to.throw('appPackage/manifest.json needs TEAMS_PRIVACY_URL');
  });

  it('zips the manifest and the 192x192 colour and 32x32 outline icons at the root', () => {
    const files = unzipSync(packageZip(buildManifest(values)));
    expect(Object.keys(files).sort()).to.deep.equal(['color.png', 'es.json', 'fr.json', 'manifest.json', 'outline.png']);
    expect(pngSize(files['color.png']!)).to.deep.equal([192, 192]);
    expect(pngSize(files['outline.png']!)).to.deep.equal([32, 32]);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).to.deep.include({ manifestVersion: '1.24' });
  });
});
