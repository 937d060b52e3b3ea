import type { AddressInfo } from 'node:net';
import { signIn, startHub, type TestHub } from '../hub/support';

/**
 * The real street hub (server/, on embedded PGlite) listening on a loopback port, for the
 * desktop's tests of 网络报送: what the desktop talks to is the hub itself, not a stand-in.
 */
export interface StreetHub {
  url: string;
  hub: TestHub;
  /** The session cookie of a 街道管理员. */
  admin: string;
  /** An admin adds a community entry and reads its one-time 登记码, as on 社区管理. */
  code(): Promise<string>;
  /** 重新登记（更换电脑）: an admin asks for a new one-time code for an enrolled community. */
  reenrollCode(communityId: string): Promise<string>;
  /** The admin enrolls a 登记申请 file brought in person (社区管理 → 导入登记申请) and hands back the 登记回执 file. */
  enrollFile(text: string): Promise<string>;
  /** The newest 回执包 for a community as an admin downloads it (社区管理 → 回执包). */
  replyText(communityId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startStreetHub(name = '青石镇议事集散中心'): Promise<StreetHub> {
  const hub = await startHub({ name: 'PGlite' }, name);
  await hub.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
  const admin = await signIn(hub, 'admin', '街道管理员');
  let entries = 0;
  const inject = async (method: 'GET' | 'POST', path: string, payload?: object) => {
    const res = await hub.app.inject({ method, url: path, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
    if (res.statusCode !== 200) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
    return res;
  };
  return {
    url,
    hub,
    admin,
    async code() {
      // Names are unique at a hub; each sample enrolls its own copy of the village.
      entries += 1;
      return (await inject('POST', '/api/communities', { name: `青石村（${entries}）`, orgKind: '村' })).json().code as string;
    },
    async reenrollCode(communityId) {
      return (await inject('POST', `/api/communities/${communityId}/reenroll`)).json().code as string;
    },
    async enrollFile(text) {
      const res = await hub.app.inject({
        method: 'POST',
        url: '/api/admin/enroll',
        headers: { cookie: admin, 'content-type': 'application/json' },
        payload: text,
      });
      if (res.statusCode !== 200) throw new Error(`POST /api/admin/enroll: ${res.statusCode} ${res.body}`);
      return res.json().package as string;
    },
    async replyText(communityId) {
      const { items } = (await inject('GET', `/api/communities/${communityId}/replies`)).json() as { items: { sequence: number }[] };
      const last = items[items.length - 1];
      if (!last) throw new Error(`集散中心没有给 ${communityId} 的回执包`);
      return (await inject('GET', `/api/communities/${communityId}/replies/${last.sequence}`)).body;
    },
    close: () => hub.close(),
  };
}
