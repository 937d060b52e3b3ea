import { Button } from 'antd';
import { PauseOutlined, CaretRightOutlined, ReloadOutlined } from '@ant-design/icons';
import { TIMER_LENGTHS_MIN } from './timer';
import type { SpeakerTimer as Timer } from './useSpeakerTimer';

/** 发言计时: big digits, amber in the last 30 seconds, red 超时 with the overrun after zero. */
export function SpeakerTimer({ timer }: { timer: Timer }) {
  const { reading, state } = timer;
  const minutes = state.lengthMs / 60_000;
  const tone = reading.overrun ? 'timer-overrun' : reading.warning ? 'timer-warning' : '';
  return (
    <section className="projector-timer" aria-label="发言计时">
      <div className="projector-timer-head">
        <span>发言计时</span>
        <span className="projector-timer-lengths" role="group" aria-label="计时长度">
          {TIMER_LENGTHS_MIN.map((m) => (
            <Button key={m} size="small" ghost type={m === minutes ? 'primary' : 'default'} aria-pressed={m === minutes} onClick={() => timer.choose(m)}>
              {m} 分钟
            </Button>
          ))}
        </span>
      </div>
      <div className={`projector-timer-digits ${tone}`} role="timer" aria-label="剩余时间" aria-live="off">
        {reading.overrun && <span className="projector-timer-over">超时</span>}
        {reading.digits}
      </div>
      <div className="projector-timer-buttons">
        <Button ghost icon={reading.running ? <PauseOutlined /> : <CaretRightOutlined />} onClick={timer.toggle}>
          {reading.running ? '暂停' : reading.started ? '继续' : '开始'}（空格）
        </Button>
        <Button ghost icon={<ReloadOutlined />} onClick={timer.reset} disabled={!reading.started}>
          重新计时（R）
        </Button>
      </div>
    </section>
  );
}
