import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** What the page may load: the extension's media (CSS, vendor icons) and dist (script, codicons). Nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

/**
 * The page's shell. It holds no data at all (the space arrives as a message and is built with DOM APIs),
 * so nothing a vendor says can become markup here. Only the nonce'd script runs; styles, fonts and
 * images come from the extension's own files.
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attribute(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('dist', 'codicon.css')}">
<link rel="stylesheet" href="${uri('media', 'panel.css')}">
<title>Space</title>
</head>
<body>
<main id="root" aria-busy="true"></main>
<script nonce="${nonce}" src="${uri('dist', 'webview.js')}"></script>
</body>
</html>`;
}

/** VS Code's language tag, trimmed to tag characters anyway: nothing may break out of the attribute. */
function attribute(value: string): string {
  return value.replace(/[^\w.:/-]/g, '');
}
