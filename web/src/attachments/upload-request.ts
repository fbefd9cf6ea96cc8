// Sends one upload for antd's Upload with the progress it draws. antd's own request adds
// `X-Requested-With: XMLHttpRequest` beside ours, which the server's CSRF guard cannot accept, so
// this sets the header once itself; the answer (an attachment or a problem body) goes back as is.
import type { UploadProps } from 'antd';
import { CSRF_HEADER } from '../api/client';

type CustomRequest = NonNullable<UploadProps['customRequest']>;

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const sendUpload: CustomRequest = ({
  action,
  data,
  file,
  filename,
  onProgress,
  onSuccess,
  onError,
}) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(data ?? {})) form.append(name, String(value));
  form.append(filename ?? 'file', file);
  const xhr = new XMLHttpRequest();
  xhr.upload.onprogress = (event) => {
    if (event.total > 0) onProgress?.({ percent: (event.loaded / event.total) * 100 });
  };
  xhr.onerror = (event) => onError?.(event);
  xhr.onload = () => {
    const body = parseBody(xhr.responseText);
    if (xhr.status >= 200 && xhr.status < 300) onSuccess?.(body);
    else onError?.(Object.assign(new Error(`upload answered ${xhr.status}`), { status: xhr.status }), body);
  };
  xhr.open('POST', action, true);
  xhr.withCredentials = true;
  xhr.setRequestHeader(CSRF_HEADER.name, CSRF_HEADER.value);
  xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
  xhr.send(form);
  return { abort: () => xhr.abort() };
};
