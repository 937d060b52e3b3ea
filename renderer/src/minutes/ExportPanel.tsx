import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Spin, Typography } from 'antd';
import {
  BarChartOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FileWordOutlined,
  NotificationOutlined,
  PrinterOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { FileOutput } from '../../../core/contract/common';
import type { Meeting } from '../../../core/contract/meetings';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { addDays, chineseDate, daysFrom } from '../../../core/dates';
import { isIsoDate } from '../../../core/date-input';
import { publicityCitation } from '../../../core/rules/citation';
import { DateField } from '../app/DateField';
import { useClock } from '../app/useClock';
import { call, errorMessage } from '../api/client';
import { useExport } from '../app/useExport';
import { voteSubject } from '../votes/labels';
import { orgWording } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';

type Job = 'minutes' | 'approved' | 'summary' | 'signIn' | 'notice' | 'resolutionNotice' | 'ballots';
type Dialog = 'notice' | 'resolutionNotice' | 'ballots' | null;

/** Days from one date to another, both counted: 1 June to 15 June is 15 days. */
const inclusiveDays = (from: string, to: string) => daysFrom(from, to) + 1;

interface Props {
  meeting: Meeting;
  /** Whether the meeting produced resolutions (the 决议公示 lists them). */
  hasResolutions: boolean;
  /** Whether the preview is on screen, so 打印 has something to print. */
  canPrint: boolean;
  /** Finalized and corrected since: the file as approved is exported on its own as well. */
  approvedWithCorrections?: boolean;
}

/** 导出与打印: every Word document of the meeting, and printing the preview. */
export function ExportPanel({ meeting, hasResolutions, canPrint, approvedWithCorrections = false }: Props) {
  const { modal } = App.useApp();
  const words = orgWording(useCurrentOrg().kind);
  const exporter = useExport();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const minimumDays = meeting.ruleSet.publicityDays;
  const publicityLaw = publicityCitation(meeting.ruleSet);
  const defaultDays = Math.max(15, minimumDays ?? 0);
  const [audience, setAudience] = useState('');
  const [noticeDate, setNoticeDate] = useState<string | null>(null);
  const clock = useClock();
  const [period, setPeriod] = useState<[string | null, string | null]>(() => [clock.today, addDays(clock.today, defaultDays - 1)]);
  const periodOk = isIsoDate(period[0]) && isIsoDate(period[1]);
  const [votes, setVotes] = useState<{ loading: boolean; error: string | null; items: Vote[]; proposals: Proposal[] }>({
    loading: false,
    error: null,
    items: [],
    proposals: [],
  });
  const [voteId, setVoteId] = useState<number | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [perPage, setPerPage] = useState<2 | 4>(4);

  /** Runs one export; true when the file was produced (saved, downloaded or the save cancelled). */
  async function run(job: Job, label: string, produce: () => Promise<FileOutput>, inDialog = false): Promise<boolean> {
    const result = await exporter.run(label, produce, { key: job, ...(inDialog ? { onError: setDialogError } : {}) });
    return result !== null;
  }
  const busy = (job: Job) => exporter.isBusy(job);

  function open(next: Exclude<Dialog, null>) {
    setDialogError(null);
    setDialog(next);
  }

  async function openBallots() {
    open('ballots');
    setVotes((v) => ({ ...v, loading: true, error: null }));
    try {
      const [v, p] = await Promise.all([call('votes.list', { meetingId: meeting.id }), call('proposals.list', { meetingId: meeting.id })]);
      const usable = v.items.filter((x) => x.status !== '已作废');
      setVotes({ loading: false, error: null, items: usable, proposals: p.items });
      // Paper ballots are for 无记名 (and 记名) votes: start on the first of those.
      const first = usable.find((x) => x.method !== '举手') ?? usable[0];
      setVoteId(first?.id ?? null);
      setCount(first ? Math.max(1, first.eligible) : null);
    } catch (e) {
      setVotes({ loading: false, error: errorMessage(e), items: [], proposals: [] });
    }
  }

  function openResolutionNotice() {
    if (!hasResolutions) {
      modal.info({
        title: '本次会议没有形成决议',
        content: '没有需要公示的内容。表决通过并确认的议案会自动形成决议，之后再来导出决议公示。',
        okText: '知道了',
      });
      return;
    }
    open('resolutionNotice');
  }

  async function confirmDialog() {
    setDialogError(null);
    let done = false;
    if (dialog === 'notice') {
      done = await run(
        'notice',
        '会议通知',
        () =>
          call('documents.notice', {
            meetingId: meeting.id,
            ...(audience.trim() ? { audience: audience.trim() } : {}),
            ...(!meeting.noticeDate ? { noticeDate: noticeDate ?? clock.today } : {}),
          }),
        true,
      );
    } else if (dialog === 'resolutionNotice') {
      const [from, to] = period;
      if (!isIsoDate(from) || !isIsoDate(to)) {
        setDialogError('请填写公示期的开始和结束日期，如 2026-11-05');
        return;
      }
      done = await run('resolutionNotice', '决议公示', () => call('documents.resolutionNotice', { meetingId: meeting.id, postFrom: from, postTo: to }), true);
    } else if (dialog === 'ballots') {
      if (voteId == null) {
        setDialogError('请先选择要打印选票的表决');
        return;
      }
      if (count == null || count < 1) {
        setDialogError('请填写要打印多少张选票（至少 1 张）');
        return;
      }
      done = await run('ballots', '选票', () => call('documents.ballots', { voteId, count, perPage }), true);
    }
    if (done) setDialog(null);
  }

  const selectedVote = votes.items.find((v) => v.id === voteId) ?? null;
  const days = periodOk ? inclusiveDays(period[0]!, period[1]!) : null;
  const dialogJob: Job | null = dialog === 'notice' ? 'notice' : dialog === 'resolutionNotice' ? 'resolutionNotice' : dialog === 'ballots' ? 'ballots' : null;

  return (
    <Card title="导出与打印" className="minutes-export">
      <div className="minutes-export-grid">
        <Button
          type="primary"
          size="large"
          icon={<FileWordOutlined />}
          loading={busy('minutes')}
          onClick={() => void run('minutes', '会议记录', () => call('documents.minutes', { meetingId: meeting.id, variant: '记录' }))}
        >
          {approvedWithCorrections ? '导出会议记录（含更正记录）' : '导出会议记录'}
        </Button>
        {approvedWithCorrections && (
          <Button
            size="large"
            icon={<FileWordOutlined />}
            loading={busy('approved')}
            onClick={() =>
              void run('approved', '会议记录（定稿原件）', () => call('documents.minutes', { meetingId: meeting.id, variant: '记录', edition: '定稿' }))
            }
          >
            导出定稿原件
          </Button>
        )}
        <Button
          size="large"
          icon={<FileTextOutlined />}
          loading={busy('summary')}
          onClick={() => void run('summary', '会议纪要', () => call('documents.minutes', { meetingId: meeting.id, variant: '纪要' }))}
        >
          导出会议纪要
        </Button>
        <Button
          size="large"
          icon={<TableOutlined />}
          loading={busy('signIn')}
          onClick={() => void run('signIn', '签到表', () => call('documents.signInSheet', { meetingId: meeting.id }))}
        >
          导出签到表
        </Button>
        <Button size="large" icon={<NotificationOutlined />} loading={busy('notice')} onClick={() => open('notice')}>
          导出会议通知
        </Button>
        <Button size="large" icon={<FileDoneOutlined />} loading={busy('resolutionNotice')} onClick={openResolutionNotice}>
          导出决议公示
        </Button>
        <Button size="large" icon={<BarChartOutlined />} loading={busy('ballots')} onClick={() => void openBallots()}>
          导出选票
        </Button>
        <Button size="large" icon={<PrinterOutlined />} disabled={!canPrint} onClick={() => window.print()}>
          打印 / 存为 PDF
        </Button>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        导出的是 Word 文件（.docx），可以用 WPS 或 Word 打开、打印。“打印”只打印下面预览的会议记录；要存成 PDF，在打印窗口的“目标打印机”里选“另存为 PDF”。
      </Typography.Paragraph>

      {dialog && (
        <Modal
          open
          title={dialog === 'notice' ? '导出会议通知' : dialog === 'resolutionNotice' ? '导出决议公示' : '导出选票'}
          okText="导出"
          cancelText="取消"
          okButtonProps={{ disabled: dialog === 'ballots' && (votes.loading || votes.items.length === 0) }}
          confirmLoading={dialogJob ? busy(dialogJob) : false}
          onOk={() => void confirmDialog()}
          onCancel={() => setDialog(null)}
          destroyOnHidden
        >
          {dialog === 'notice' && (
            <Form layout="vertical">
              <Form.Item label="通知对象（可不填）" extra={`不填时按参会范围自动写，例如“${words.representatives}全体组成人员”。`}>
                <Input
                  aria-label="通知对象"
                  value={audience}
                  maxLength={60}
                  onChange={(e) => setAudience(e.target.value)}
                  placeholder={`例如：全体${words.resident}代表`}
                />
              </Form.Item>
              {meeting.noticeDate ? (
                <Typography.Text type="secondary">{`通知的落款日期是登记的通知日期：${chineseDate(meeting.noticeDate)}。`}</Typography.Text>
              ) : (
                <Form.Item label="通知的落款日期" required extra="还没有登记通知日期。请填写通知发出的日期；登记会议通知后就按登记的日期打印。">
                  <DateField aria-label="通知的落款日期" value={noticeDate ?? clock.today} onChange={setNoticeDate} allowClear={false} />
                </Form.Item>
              )}
            </Form>
          )}

          {dialog === 'resolutionNotice' && (
            <Form layout="vertical">
              <Form.Item
                label="公示期"
                extra={
                  minimumDays
                    ? `${publicityLaw ? `依照${publicityLaw}` : '按本类会议的规则'}，决议公示不少于 ${minimumDays} 天。`
                    : '公示期从张贴之日算起，一般不少于 15 天。'
                }
              >
                <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <DateField
                    aria-label="公示期开始"
                    placeholder="开始日期"
                    allowClear={false}
                    value={period[0]}
                    onChange={(d) => {
                      setPeriod(([, to]) => [d, to]);
                      setDialogError(null);
                    }}
                  />
                  <span style={{ lineHeight: '32px' }}>至</span>
                  <DateField
                    aria-label="公示期结束"
                    placeholder="结束日期"
                    allowClear={false}
                    value={period[1]}
                    onChange={(d) => {
                      setPeriod(([from]) => [from, d]);
                      setDialogError(null);
                    }}
                  />
                </div>
              </Form.Item>
              {days !== null && (
                <Typography.Text>
                  共 <b>{days}</b> 天（{chineseDate(period[0]!)}至{chineseDate(period[1]!)}，首尾两天都算）。
                </Typography.Text>
              )}
            </Form>
          )}

          {dialog === 'ballots' &&
            (votes.loading ? (
              <Spin description="正在读取本次会议的表决…">
                <div style={{ height: 80 }} />
              </Spin>
            ) : votes.error ? (
              <Alert type="error" showIcon title={votes.error} />
            ) : votes.items.length === 0 ? (
              <Alert type="info" showIcon title="本次会议还没有表决" description="请先在“表决”页开始表决，再来打印这次表决的选票。" />
            ) : (
              <Form layout="vertical">
                <Form.Item label="为哪一次表决打印选票">
                  <Select<number>
                    aria-label="选择表决"
                    value={voteId ?? undefined}
                    onChange={(id) => {
                      setVoteId(id);
                      const v = votes.items.find((x) => x.id === id);
                      if (v) setCount(Math.max(1, v.eligible));
                    }}
                    options={votes.items.map((v) => ({
                      value: v.id,
                      label: `${voteSubject(v, votes.proposals)}（${v.method === '举手' ? '举手表决' : `${v.method}投票`}，${v.status}）`,
                    }))}
                  />
                </Form.Item>
                <Form.Item label="打印多少张" extra={selectedVote ? `默认是表决时的实到人数（${selectedVote.eligible} 人）。` : undefined}>
                  <InputNumber<number>
                    aria-label="选票张数"
                    min={1}
                    max={2000}
                    precision={0}
                    value={count}
                    onChange={setCount}
                    suffix="张"
                    style={{ width: 180 }}
                  />
                </Form.Item>
                <Form.Item label="每页几张">
                  <Radio.Group
                    optionType="button"
                    value={perPage}
                    onChange={(e) => setPerPage(e.target.value as 2 | 4)}
                    options={[
                      { value: 2, label: '每页 2 张' },
                      { value: 4, label: '每页 4 张' },
                    ]}
                  />
                </Form.Item>
                {selectedVote?.method === '举手' && <Typography.Text type="secondary">这次是举手表决，一般不需要选票。</Typography.Text>}
              </Form>
            ))}

          {dialogError && <Alert type="error" showIcon title={dialogError} style={{ marginTop: 12 }} />}
        </Modal>
      )}
    </Card>
  );
}
