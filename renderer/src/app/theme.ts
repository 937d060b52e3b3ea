import type { ThemeConfig } from 'antd';

/** Larger text and controls than Ant Design's defaults: many users are older. */
export const theme: ThemeConfig = {
  token: {
    fontSize: 16,
    controlHeight: 36,
    borderRadius: 6,
    colorPrimary: '#b7312c',
  },
};
