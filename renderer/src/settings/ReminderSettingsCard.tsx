import { Alert, App, Card, Space, Switch, Typography } from 'antd';
import { useCall, useWrite } from '../api/queries';
import { errorMessage } from '../api/client';
import { useCurrentOrg } from '../org/OrgContext';

/** 桌面提醒 on or off: the notification at start and at 08:00. The 首页's 今日提醒 always shows. */
export function ReminderSettingsCard() {
  const org = useCurrentOrg();
  const { message } = App.useApp();
  const { data, error } = useCall('reminders.today', { orgId: org.id });
  const save = useWrite('reminders.setDesktop');

  async function toggle(on: boolean) {
    try {
      await save.run({ desktopNotifications: on });
      message.success(on ? '已打开桌面提醒' : '已关闭桌面提醒');
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Card title="桌面提醒">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          打开议事厅时和每天早上 8
          点，在屏幕角落提示今天到期和已经逾期的事项（报到、承诺办结、公示期满、决议督办、规约备案、热线答复），点一下就回到首页。首页上的“今日提醒”不受这个开关影响。
        </Typography.Paragraph>
        <Space>
          <Switch
            checked={data?.desktopNotifications ?? true}
            loading={save.saving || (!data && !error)}
            onChange={(on) => void toggle(on)}
            aria-label="显示桌面提醒"
          />
          <Typography.Text>{data?.desktopNotifications === false ? '不显示桌面提醒' : '显示桌面提醒'}</Typography.Text>
        </Space>
        {error && <Alert type="warning" showIcon title={`没有读出桌面提醒的设置：${error}`} />}
      </Space>
    </Card>
  );
}
