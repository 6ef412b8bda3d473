import * as vscode from 'vscode';
import type { VendorId } from '../core/vendors/catalog';

/** A vendor's logo, in a light and a dark variant: for its accounts' rows and its spaces' panels. */
export function vendorIcon(extensionUri: vscode.Uri, vendor: VendorId): { light: vscode.Uri; dark: vscode.Uri } {
  return {
    light: vscode.Uri.joinPath(extensionUri, 'media', 'vendors', `${vendor}-light.svg`),
    dark: vscode.Uri.joinPath(extensionUri, 'media', 'vendors', `${vendor}-dark.svg`),
  };
}
