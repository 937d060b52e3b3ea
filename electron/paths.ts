import path from 'node:path';

/** Committed SQL migrations: in the source tree when developing, in resources when packaged. */
export function migrationsFolder(appRoot: string, packaged: boolean, resourcesPath?: string): string {
  return packaged && resourcesPath ? path.join(resourcesPath, 'migrations') : path.join(appRoot, 'db', 'migrations');
}

/** The project root when running from dist/electron/*.cjs. */
export function appRootFrom(dirname: string): string {
  return path.resolve(dirname, '..', '..');
}

/** The window icon on Linux: shipped as a resource (electron-builder.yml extraResources), in build/ when developing. */
export function linuxIconFile(appRoot: string, packaged: boolean, resourcesPath?: string): string {
  return packaged && resourcesPath ? path.join(resourcesPath, 'icon.png') : path.join(appRoot, 'build', 'icon.png');
}
