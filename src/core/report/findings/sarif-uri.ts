// SARIF wants artifact locations as URI references with forward slashes; relative paths are
// resolved against %SRCROOT% (the checkout), absolute ones become file: URIs.

/** A SARIF artifactLocation without its index. */
export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Lone surrogates would make encodeURIComponent throw; they become U+FFFD. */
const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The file path as given (OS separators or not) turned into a SARIF artifact location. */
export function artifactLocation(file: string): ArtifactLocation {
  const path = wellFormed(file).replace(/\\/g, '/');
  const drive = /^([A-Za-z]:)\/(.*)$/.exec(path);
  if (drive) return { uri: `file:///${drive[1] ?? ''}/${encodePath(drive[2] ?? '')}` };
  if (path.startsWith('//')) return { uri: `file:${encodePath(path)}` }; // UNC share
  if (path.startsWith('/')) return { uri: `file://${encodePath(path)}` };
  return { uri: encodePath(path.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}
