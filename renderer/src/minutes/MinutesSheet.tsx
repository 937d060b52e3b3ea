import type { ReactNode } from 'react';
import { chineseDate } from '../../../core/dates';
import { chineseNumeral } from '../../../core/documents/numerals';
import {
  absentNames,
  attendanceLine,
  attendeeLine,
  attendeeGridRows,
  ballotLine,
  clock,
  departmentNames,
  earlyNames,
  fillIn,
  leaveNames,
  lines,
  METHOD_WORDS,
  namedVoteLines,
  observerNames,
  quorumSentence,
  optionVotes,
  sentence,
  tallyLine,
  tellerLine,
  timeSpan,
  titleWith,
  weekday,
  type MinutesItem,
  type MinutesPreview,
  type MinutesVote,
  arabicItem,
} from './wording';

/** A body paragraph: 仿宋, indented two characters, justified. */
function P({ children, className }: { children: ReactNode; className?: string }) {
  return <p className={className ? `mp ${className}` : 'mp'}>{children}</p>;
}

const Hei = ({ children }: { children: ReactNode }) => <span className="m-hei">{children}</span>;
const Kai = ({ children }: { children: ReactNode }) => <span className="m-kai">{children}</span>;

/** Every paragraph of a stored text, the first one led by `lead` (a speaker's name). */
function textParas(key: string, text: string | null | undefined, lead?: ReactNode): ReactNode[] {
  const parts = lines(text);
  if (parts.length === 0) return lead ? [<P key={key}>{lead}</P>] : [];
  return parts.map((p, i) => (
    <P key={`${key}.${i}`}>
      {i === 0 && lead}
      {p}
    </P>
  ));
}

/** "会议名称：" and its value; wrapped lines start under the value, as in the Word file. */
function LabelLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="mp mp-label">
      <span className="m-hei mp-label-name">{label}</span>
      <span className="mp-label-value">{children}</span>
    </p>
  );
}

function HeaderBlock({ d }: { d: MinutesPreview }) {
  const span = timeSpan(d.startTime, d.endTime);
  return (
    <>
      <LabelLine label="会议名称：">{d.title}</LabelLine>
      <LabelLine label="会议时间：">{`${chineseDate(d.date)}（${weekday(d.date)}）${span ?? ''}`}</LabelLine>
      {d.place?.trim() && <LabelLine label="会议地点：">{d.place.trim()}</LabelLine>}
      {d.chairName?.trim() && <LabelLine label="主持人：">{d.chairName.trim()}</LabelLine>}
      {d.recorderName?.trim() && <LabelLine label="记录人：">{d.recorderName.trim()}</LabelLine>}
      <LabelLine label="参会人数：">{attendanceLine(d)}</LabelLine>
      <LabelLine label="法定人数：">{sentence(quorumSentence(d))}</LabelLine>
      <LabelLine label="出席人员：">{attendeeLine(d)}</LabelLine>
      <LabelLine label="请假人员：">{leaveNames(d)}</LabelLine>
      <LabelLine label="缺席人员：">{absentNames(d)}</LabelLine>
      {d.leftEarly.length > 0 && <LabelLine label="早退人员：">{earlyNames(d)}</LabelLine>}
      {d.observers.length > 0 && <LabelLine label="列席人员：">{observerNames(d)}</LabelLine>}
      {d.departments.length > 0 && <LabelLine label="报到部门：">{departmentNames(d)}</LabelLine>}
      {d.ruleSource.trim() && <LabelLine label="会议依据：">{d.ruleSource.trim()}</LabelLine>}
    </>
  );
}

/** 表格: those present six to a row, as the Word file prints them. */
function AttendeeGrid({ d }: { d: MinutesPreview }) {
  const rows = attendeeGridRows(d);
  if (rows.length === 0) return null;
  return (
    <>
      <p className="mp mp-center m-hei">出席人员名单</p>
      <table className="minutes-signatures" aria-label="出席人员名单">
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((n, j) => (
                <td key={j}>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function VoteBlock({ v, prefix }: { v: MinutesVote; prefix: string }) {
  const subject = lines(v.subject);
  const ballots = ballotLine(v);
  const tally = tallyLine(v);
  const tellers = tellerLine(v);
  return (
    <div className="minutes-vote">
      <P>
        <Hei>{`${prefix}表决事项：`}</Hei>
        {subject[0] ?? ''}
      </P>
      {subject.slice(1).map((s, i) => (
        <P key={i}>{s}</P>
      ))}
      <P>{`表决方式：${METHOD_WORDS[v.method]}；表决时实到 ${v.eligible} 人。`}</P>
      {ballots && <P>{sentence(ballots)}</P>}
      {v.options && v.options.length > 0 ? (
        <>
          {v.options.map((o, i) => (
            <P key={i}>{sentence(`${o.label}：${o.title.trim()}，得 ${optionVotes(v, o.votes)}`)}</P>
          ))}
          {v.abstain != null && <P>{sentence(`弃权 ${optionVotes(v, v.abstain)}`)}</P>}
          <P>{`表决结果：${v.outcome}。`}</P>
        </>
      ) : (
        <P>{`表决结果：${tally ? `${tally}，` : ''}${v.outcome}。`}</P>
      )}
      {namedVoteLines(v).map((line, i) => (
        <P key={`named${i}`}>{sentence(line)}</P>
      ))}
      {tellers && <P>{sentence(tellers)}</P>}
      {/* The stored explanation, verbatim. */}
      {textParas('explanation', v.explanation, '结果说明：')}
    </div>
  );
}

function ItemBlock({ item, n }: { item: MinutesItem; n: number }) {
  let sub = 0;
  const next = (key: string, text: string) => <h4 key={key} className="mp mp-h2 m-kai">{`（${chineseNumeral(++sub)}）${text}`}</h4>;
  const hasIntro = Boolean(item.presenter?.trim()) || lines(item.description).length > 0 || Boolean(item.priorReview);
  const blocks: ReactNode[] = [];
  if (hasIntro) {
    blocks.push(next('intro', '议题说明'));
    if (item.presenter?.trim()) blocks.push(<P key="presenter">{`汇报人：${item.presenter.trim()}。`}</P>);
    blocks.push(...textParas('description', item.description));
    if (item.priorReview) blocks.push(<P key="prior">{item.priorReview}</P>);
  }
  if (item.speeches.length) {
    blocks.push(next('speeches', '讨论发言'));
    item.speeches.forEach((s, i) => blocks.push(...textParas(`speech${i}`, s.content, <Kai>{`${s.speaker}：`}</Kai>)));
  }
  if (item.proposals.length) {
    blocks.push(next('proposals', '提出的议案'));
    item.proposals.forEach((p, i) => {
      const prefix = item.proposals.length > 1 ? arabicItem(i + 1) : '';
      const who = [p.proposer?.trim() ? `提出人：${p.proposer.trim()}` : null, p.status?.trim() ? `状态：${p.status.trim()}` : null].filter(Boolean).join('；');
      blocks.push(
        <P key={`proposal${i}`}>
          <Hei>{`${prefix}${p.title.trim()}`}</Hei>
          {who ? `（${who}）` : ''}
        </P>,
        ...textParas(`proposal${i}.text`, p.text),
      );
    });
  }
  if (item.votes.length) {
    blocks.push(next('votes', '表决情况'));
    item.votes.forEach((v, i) => blocks.push(<VoteBlock key={`vote${i}`} v={v} prefix={item.votes.length > 1 ? arabicItem(i + 1) : ''} />));
  }
  if (sub === 0) blocks.push(<P key="none">本议题无发言和表决记录。</P>);
  return (
    <section className="minutes-item">
      <h3 className="mp mp-h1 m-hei">{`${chineseNumeral(n)}、${lines(item.title).join(' ')}`}</h3>
      {blocks}
    </section>
  );
}

function Resolutions({ d }: { d: MinutesPreview }) {
  return (
    <section className="minutes-item">
      <h3 className="mp mp-h1 m-hei">决议事项</h3>
      {d.resolutions.length === 0 ? (
        <P>本次会议未形成决议。</P>
      ) : (
        d.resolutions.map((r, i) => (
          <div key={r.number}>
            <P>
              <Hei>{`${arabicItem(i + 1)}${r.title.trim()}`}</Hei>
              {`（决议编号：${r.number}）`}
            </P>
            {textParas(`resolution${i}`, r.text)}
          </div>
        ))
      )}
    </section>
  );
}

function Closing({ d }: { d: MinutesPreview }) {
  const end = clock(d.endTime);
  const sign = (label: string, name: string | null) => (
    <P className="mp-sign">
      {`${label}（签字）：`}
      <span className="mp-fill">{fillIn(8)}</span>
      {name?.trim() ? `（${name.trim()}）` : ''}
    </P>
  );
  return (
    <section className="minutes-closing">
      <P>{end ? `会议于${end}散会。` : '散会。'}</P>
      {d.addenda.length > 0 && <P>附件：更正记录</P>}
      <p className="mp mp-blank" aria-hidden="true" />
      {sign('主持人', d.chairName)}
      {sign('记录人', d.recorderName)}
      {d.approvedBy?.trim() && <P className="mp-sign">{`定稿人：${d.approvedBy.trim()}`}</P>}
      <p className="mp mp-date">{chineseDate(d.date)}</p>
    </section>
  );
}

function SignaturePage({ d }: { d: MinutesPreview }) {
  return (
    <article className="minutes-page" aria-label="参会人员签字页">
      <h2 className="mp-title mp-title-tight">参会人员签字</h2>
      <p className="mp mp-center">{`${d.title}\u3000${chineseDate(d.date)}`}</p>
      <table className="minutes-signatures">
        <colgroup>
          <col style={{ width: '10%' }} />
          <col style={{ width: '25%' }} />
          <col style={{ width: '43%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>签字</th>
            <th>备注</th>
          </tr>
        </thead>
        <tbody>
          {d.attendees.map((a, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{a.name}</td>
              <td />
              <td>{a.late ? '迟到' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function AddendaPage({ d }: { d: MinutesPreview }) {
  return (
    <article className="minutes-page" aria-label="更正记录">
      <p className="mp mp-noindent m-hei">附件</p>
      <h2 className="mp-title">更正记录</h2>
      {d.addenda.map((a, i) => textParas(`addendum${i}`, a.text, `${arabicItem(i + 1)}${chineseDate(a.date)}，${a.by}更正：`))}
    </article>
  );
}

/**
 * The minutes as the Word file prints them, in the same order: title, header block, each agenda
 * item, 决议事项, 散会 and signatures, then the attendees' signature page and the 更正记录 appendix.
 * The outer element is what 打印 prints (see minutes.css).
 */
export function MinutesSheet({ d }: { d: MinutesPreview }) {
  return (
    <div className="minutes-sheet" role="document" aria-label="会议记录预览">
      <article className="minutes-page">
        <h2 className="mp-title">{titleWith(d.title, '记录')}</h2>
        <HeaderBlock d={d} />
        <AttendeeGrid d={d} />
        {d.items.map((item, i) => (
          <ItemBlock key={i} item={item} n={i + 1} />
        ))}
        <Resolutions d={d} />
        <Closing d={d} />
      </article>
      {d.attendeeSignatures && <SignaturePage d={d} />}
      {d.addenda.length > 0 && <AddendaPage d={d} />}
    </div>
  );
}
