// Shown to a browser that reached the host without the per-launch link: it carries no app code and
// no data, only the way in. Inline styles are allowed by the CSP; scripts are not needed.
export const LANDING_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Packdesk</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2933">
<h1 style="font-size: 1.4rem">Packdesk</h1>
<p>Hãy mở đường dẫn mà Packdesk đã in ra khi khởi động (dạng <code>http://…/?t=…</code>). Mỗi lần khởi động có một đường dẫn mới.</p>
<p lang="en">Open the link Packdesk printed when it started (it looks like <code>http://…/?t=…</code>). Each launch prints a new link.</p>
</body>
</html>
`;
