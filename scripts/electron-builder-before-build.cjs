// electron-builder `beforeBuild` hook, run before it rebuilds better-sqlite3 for Electron.
//
// npm hands its config to scripts as npm_config_* variables and node-gyp obeys them. Where npm
// is configured with `nodedir` (Debian's npm sets nodedir=/usr), node-gyp would compile against
// Node's headers although Electron's are asked for: the installer would then carry a
// better-sqlite3 that every user's copy of the app refuses to load. Dropping the variable makes
// the rebuild fetch Electron's headers, or fail loudly.
module.exports = async function beforeBuild() {
  for (const key of Object.keys(process.env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  }
  return true;
};
