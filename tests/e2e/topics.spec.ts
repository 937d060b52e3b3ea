import { chooseRadio, expect, test } from './fixtures';
import { api, apiTopic, MEETING, pick, topicsVillage } from './topics-setup';

test.describe.configure({ timeout: 120_000 });

test('居民反映的议题：登记 → 纳入议程 → 转部门办理（吹哨）→ 报到 → 办结 → 居民评价，统计响应率 1/1', async ({ page, baseUrl }) => {
  const { meetingId } = await topicsVillage(page, baseUrl);
  await page.goto(`${baseUrl}#/topics`);
  await expect(page.getByRole('tab', { name: '议题征集', selected: true })).toBeVisible();
  await expect(page.getByText('还没有议题')).toBeVisible();

  // 1. 登记议题 from a roster resident, found by pinyin initials.
  await page.getByRole('button', { name: '登记议题' }).click();
  const form = page.getByRole('dialog', { name: '登记议题' });
  await expect(form.getByLabel('收到日期')).not.toHaveValue('');
  await pick(page, form.getByRole('combobox', { name: '来源渠道' }), '居民信箱');
  await form.getByRole('combobox', { name: '选择居民' }).fill('zjg');
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(/^张建国/)
    .click();
  await expect(form.getByText('户号 1，第一村民小组')).toBeVisible();
  await form.getByLabel('户号或地点').fill('3号楼东侧');
  await form.getByRole('combobox', { name: '类别' }).fill('环境卫生');
  await form.getByLabel('议题标题').fill('垃圾桶满溢');
  await form.getByLabel('议题内容').fill('3号楼东侧垃圾桶每天下午满溢，气味很大。');
  await chooseRadio(form, '较急');
  await form.screenshot({ path: '/tmp/topics-form.png' });
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toBeHidden();

  const row = page.getByRole('row', { name: /垃圾桶满溢/ });
  await expect(row).toContainText('张建国');
  await expect(row).toContainText('居民信箱');
  await expect(row).toContainText('较急');
  await expect(row).toContainText('待分办');
  await page.screenshot({ path: '/tmp/topics-list.png', fullPage: true });

  // 2. The topic's page: 纳入议程 of the meeting set up beforehand.
  await row.getByText('垃圾桶满溢').click();
  await expect(page).toHaveURL(/#\/topics\/\d+$/);
  const topicUrl = page.url();
  await expect(page.getByRole('heading', { name: '垃圾桶满溢' })).toBeVisible();
  // 附件: a photo chosen with the file picker is copied into the data folder, listed, and opens (here: downloads).
  const photo = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(2048, 1)]);
  await page.getByLabel('选择附件文件').setInputFiles({ name: '垃圾桶照片.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByText('附件已添加')).toBeVisible();
  await expect(page.getByText('垃圾桶照片.png')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '打开附件：垃圾桶照片.png' }).click();
  expect((await download).suggestedFilename()).toBe('垃圾桶照片.png');
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline).toContainText('经“居民信箱”收到，登记为待分办（紧急程度：较急）');

  await page.getByRole('button', { name: '纳入议程' }).click();
  const agenda = page.getByRole('dialog', { name: '纳入议程：垃圾桶满溢' });
  await pick(page, agenda.getByRole('combobox', { name: '会议' }), `2026-12-10 ${MEETING}（草稿）`);
  await agenda.getByRole('button', { name: '纳入议程' }).click();
  await expect(agenda).toBeHidden();
  await expect(timeline).toContainText(`纳入会议“${MEETING}”（2026-12-10）议程第 1 项：垃圾桶满溢`);
  await expect(page.getByText('已纳入议程', { exact: true }).first()).toBeVisible();

  // The agenda item is on the meeting's agenda, one click away.
  await page.getByRole('region', { name: '会议议程' }).getByText(`2026-12-10 ${MEETING}：垃圾桶满溢`).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${meetingId}/agenda$`));
  await expect(page.locator('.agenda-title')).toHaveText(['垃圾桶满溢']);
  await page.goto(topicUrl);

  // 3. 转部门办理 (吹哨), then the department reports and finishes.
  await page.getByRole('button', { name: '转部门办理' }).click();
  const refer = page.getByRole('dialog', { name: '转部门办理：垃圾桶满溢' });
  await refer.getByRole('combobox', { name: '部门或单位' }).fill('街道环卫所');
  await refer.getByLabel('联系人').fill('刘所长');
  await refer.getByLabel('承诺事项').fill('三天内增设垃圾桶');
  await refer.getByRole('button', { name: '吹哨' }).click();
  await expect(refer).toBeHidden();
  await expect(timeline).toContainText('向街道环卫所吹哨');
  const summons = page.getByRole('region', { name: '吹哨报到' });
  await expect(summons).toContainText('待报到');

  await summons.getByRole('button', { name: '街道环卫所报到' }).click();
  const report = page.getByRole('dialog', { name: '登记报到：街道环卫所' });
  await report.getByRole('button', { name: '登记报到' }).click();
  await expect(report).toBeHidden();
  await expect(summons).toContainText('按时');
  await expect(timeline).toContainText('报到（按时）');
  await page.screenshot({ path: '/tmp/topics-detail-summons.png' });

  await summons.getByRole('button', { name: '街道环卫所办结' }).click();
  const complete = page.getByRole('dialog', { name: '办结：街道环卫所' });
  await complete.getByLabel('办理结果').fill('增设两个垃圾桶，每日清运两次');
  await chooseRadio(complete, '已解决');
  await complete.getByRole('button', { name: '办结' }).click();
  await expect(complete).toBeHidden();
  await expect(summons).toContainText('已解决');

  // 4. The topic itself: 办结, then the resident's 评价.
  await page.getByRole('group', { name: '办理操作' }).getByRole('button', { name: '办结' }).click();
  const close = page.getByRole('dialog', { name: '办结：垃圾桶满溢' });
  await close.getByLabel('办理结果').fill('环卫所增设两个垃圾桶，每日清运两次');
  await close.getByRole('button', { name: '办结' }).click();
  await expect(close).toBeHidden();
  await page.getByRole('button', { name: '居民评价' }).click();
  const feedback = page.getByRole('dialog', { name: '居民评价：垃圾桶满溢' });
  await chooseRadio(feedback, '满意');
  await feedback.getByRole('button', { name: '保存评价' }).click();
  await expect(feedback).toBeHidden();
  await expect(timeline).toContainText('居民评价：满意');
  await expect(page.getByRole('button', { name: '纳入议程' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/topics-detail.png', fullPage: true });

  // 5. 吹哨报到 tab and 统计 tab.
  await page.goto(`${baseUrl}#/topics/summons`);
  await expect(page.getByRole('tab', { name: '吹哨报到', selected: true })).toBeVisible();
  const srow = page.getByRole('row', { name: /街道环卫所/ });
  await expect(srow).toContainText('议题：垃圾桶满溢');
  await expect(srow).toContainText('已解决');
  await page.screenshot({ path: '/tmp/topics-summons.png', fullPage: true });

  await page.getByRole('tab', { name: '统计' }).click();
  await expect(page).toHaveURL(/#\/topics\/rates$/);
  const rrow = page.getByRole('row', { name: /街道环卫所/ });
  await expect(rrow.getByRole('cell').nth(2)).toHaveText('1/1（100.0%）');
  await expect(rrow.getByRole('cell').nth(3)).toHaveText('1/1（100.0%）');
  await expect(rrow.getByRole('cell').nth(4)).toHaveText('1/1（100.0%）');
  await expect(page.getByRole('row', { name: /合计/ })).toContainText('1/1（100.0%）');
  await expect(page.getByLabel('指标说明')).toContainText('响应率');
  await page.getByRole('button', { name: '本年' }).click();
  await expect(rrow).toContainText('1/1（100.0%）');
  await page.screenshot({ path: '/tmp/topics-rates.png', fullPage: true });
});

test('办结的议题不再分办；合并不提供本议题；过时的页面上操作显示服务的中文说明；从名册找到居民的议题', async ({ page, baseUrl }) => {
  const { orgId, people, meetingId } = await topicsVillage(page, baseUrl);
  const a = await apiTopic(page, baseUrl, orgId, '路灯不亮', { raiserKind: 'person', raiserPersonId: people[1]!.id, raiserName: undefined });
  const b = await apiTopic(page, baseUrl, orgId, '路灯坏了');
  const done = await apiTopic(page, baseUrl, orgId, '井盖松动');
  await api(page, baseUrl, 'topics.reply', { id: done.id, reply: '已修好' });

  // Merging: neither the topic itself nor a finished one is offered.
  await page.goto(`${baseUrl}#/topics/${a.id}`);
  await expect(page.getByRole('heading', { name: '路灯不亮' })).toBeVisible();
  await page.getByRole('button', { name: '合并到…' }).click();
  const merge = page.getByRole('dialog', { name: '合并议题：路灯不亮' });
  await merge.getByRole('combobox', { name: '合并到的议题' }).click();
  const options = page.locator('.ant-select-dropdown:visible');
  await expect(options.getByTitle(`议题 ${b.id}：路灯坏了（2026-11-02，待分办）`)).toBeVisible();
  await expect(options.getByTitle(/路灯不亮/)).toHaveCount(0);
  await expect(options.getByTitle(/井盖松动/)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await merge.getByRole('button', { name: '取消' }).click();
  await expect(merge).toBeHidden();

  // The page is stale: someone else answered topic A meanwhile. The service refuses, in Chinese, and nothing changes.
  await api(page, baseUrl, 'topics.reply', { id: a.id, reply: '已报修' });
  await page.getByRole('button', { name: '不予受理' }).click();
  const reject = page.getByRole('dialog', { name: '不予受理：路灯不亮' });
  await reject.getByLabel('不予受理的理由').fill('重复反映');
  await reject.getByRole('button', { name: '不予受理' }).click();
  await expect(reject.getByRole('alert')).toContainText(/议题“路灯不亮”已答复（\d{4}-\d{2}-\d{2}），不能再改为不予受理；如有新情况，请登记一个新议题/);
  await reject.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog', { name: '放弃已填写的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(reject).toBeHidden();
  await page.reload();

  // A closed topic shows no triage buttons.
  await expect(page.getByRole('heading', { name: '路灯不亮' })).toBeVisible();
  await expect(page.getByText('已答复', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('不能再分办')).toBeVisible();
  for (const name of ['纳入议程', '转部门办理', '直接答复', '合并到…', '不予受理', '办结']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: '居民评价' })).toBeVisible();

  // 吹哨报到: a department summoned for the meeting two days ago that never came is red, with the reason.
  await api(page, baseUrl, 'summons.create', {
    orgId,
    meetingId,
    department: '供电所',
    summonedAt: new Date(Date.now() - 48 * 3_600_000).toISOString(),
    reportWithinHours: 2,
  });
  await page.goto(`${baseUrl}#/topics/summons`);
  const late = page.getByRole('row', { name: /供电所/ });
  await expect(late).toHaveClass(/row-overdue/);
  await expect(late).toContainText('吹哨后 2 小时内未报到');
  await expect(late).toContainText(`会议：${MEETING}`);
  await page.getByRole('checkbox', { name: '只看逾期' }).check();
  await expect(page.getByRole('row', { name: /供电所/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/topics-summons-overdue.png' });

  // From the roster: 李秀英's topics, one click to the topic.
  await page.goto(`${baseUrl}#/people`);
  await page.getByRole('button', { name: '李秀英反映的议题' }).click();
  const mine = page.getByRole('dialog', { name: '李秀英反映的议题' });
  await expect(mine.getByRole('row')).toHaveCount(2);
  await expect(mine).toContainText('已答复');
  await page.screenshot({ path: '/tmp/topics-roster.png' });
  await mine.getByText('路灯不亮').click();
  await expect(page).toHaveURL(new RegExp(`#/topics/${a.id}$`));
  await expect(page.getByRole('heading', { name: '路灯不亮' })).toBeVisible();
  await page.goto(`${baseUrl}#/people`);
  await page.getByRole('button', { name: '王德明反映的议题' }).click();
  await expect(page.getByRole('dialog', { name: '王德明反映的议题' })).toContainText('王德明还没有反映过议题');
});
