// A stand-in for `inkmath serve` run as a real child process: node fake-inkmath-server.js PORT.
import { startFakeServer } from './fakes';

const port = Number(process.argv[2]);
void startFakeServer(port).then(() => process.stdout.write(`listening on ${port}\n`));
