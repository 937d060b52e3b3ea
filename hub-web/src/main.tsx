import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HubApp } from './HubApp';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <HubApp />
    </StrictMode>,
  );
}
