// Copies the files the pad shares with the server's web pad into media/ (run by `npm run build`):
// ink-canvas.js, the pen input, drawing and undo of both pads, has its one home in the server's
// resources. The copy is not committed (.gitignore) and goes into the .vsix with the rest of media/.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SERVER_PAD = path.join(__dirname, '..', '..', 'server', 'src', 'main', 'resources', 'org', 'inkmath', 'server', 'pad');
const MEDIA = path.join(__dirname, '..', 'media');

for (const name of ['ink-canvas.js']) {
  const from = path.join(SERVER_PAD, name);
  if (!fs.existsSync(from)) {
    console.error(`inkmath: ${from} is missing: build the extension inside an inkmath checkout (plugins/vscode)`);
    process.exit(1);
  }
  fs.copyFileSync(from, path.join(MEDIA, name));
}
