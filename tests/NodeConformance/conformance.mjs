// The official Lark Node SDK against FeishuGen's local server, driven by the drill's
// `node-conformance` mode over stdin/stdout. Lines starting with "@@ " are for the driver; the
// SDK's own logging goes to stderr. Usage: node conformance.mjs <baseUrl> <appId> <appSecret>
// <verificationToken> <encryptKey> [bench]
import http from 'node:http';
import readline from 'node:readline';
import * as lark from '@larksuiteoapi/node-sdk';

const [baseUrl, appId, appSecret, verificationToken, encryptKey, mode] = process.argv.slice(2);
const say = (line) => process.stdout.write(`@@ ${line}\n`);
const logger = { error: (...a) => console.error('[sdk:error]', ...a), warn: (...a) => console.error('[sdk:warn]', ...a), info: (...a) => process.env.SDK_DEBUG && console.error('[sdk:info]', ...a), debug: (...a) => process.env.SDK_DEBUG && console.error('[sdk:debug]', ...a), trace: () => {} };

// The webhook adapter: encrypted, signed pushes from the local server, checked by the SDK.
let webhookEvents = 0;
const webhookDispatcher = new lark.EventDispatcher({ verificationToken, encryptKey, logger, loggerLevel: lark.LoggerLevel.warn }).register({
  'im.message.receive_v1': async (data) => {
    webhookEvents++;
    if (mode !== 'bench') say(`webhook-event ${data.event_id}`);
  },
});
const adapter = lark.adaptDefault('/webhook/event', webhookDispatcher, { autoChallenge: true });
const server = http.createServer((req, res) => adapter(req, res));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => say(`webhook ${server.address().port}`));

if (mode === 'bench') {
  // The benchmark only needs the adapter: it reports how many events the handler saw.
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'count') say(`count ${webhookEvents}`);
    if (line === 'quit') process.exit(0);
  });
} else {
  // The WSClient: events and a card callback over the hub, the callback's reply in the ack.
  const wsDispatcher = new lark.EventDispatcher({ logger, loggerLevel: lark.LoggerLevel.warn }).register({
    'im.message.receive_v1': async (data) => say(`ws-event ${data.event_id}`),
    'card.action.trigger': async (data) => {
      say(`ws-card ${data.action?.tag}`);
      return { toast: { type: 'success', content: `node got ${data.action?.tag}` } };
    },
  });
  const ws = new lark.WSClient({
    appId, appSecret, domain: baseUrl, logger, loggerLevel: process.env.SDK_DEBUG ? lark.LoggerLevel.debug : lark.LoggerLevel.warn,
  });
  ws.start({ eventDispatcher: wsDispatcher });

  // The API client: a token from the local server, then a POST and a GET of the catalogue.
  const client = new lark.Client({ appId, appSecret, domain: baseUrl, logger, loggerLevel: lark.LoggerLevel.warn });
  try {
    const post = await client.request({
      method: 'POST',
      url: '/open-apis/hire/v1/eco_background_checks/update_result',
      data: { background_check_id: 'node-1', result: '通过', result_time: '1700000000000' },
    });
    const list = await client.im.v1.chat.list({ params: { page_size: 20 } });
    say(`api post-code ${post.code} list-code ${list.code} items ${list.data?.items?.length ?? 0}`);
  } catch (e) {
    say(`api-error ${e?.response?.status ?? ''} ${JSON.stringify(e?.response?.data ?? e?.message)}`);
  }

  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'quit') { ws.close({ force: true }); process.exit(0); }
  });
}
