import { Download } from 'lucide-react';
import { Button } from '../../ui/button';
import { CopyButton } from '../../ui/copy-button';

/** Backup codes with copy and download, shown right after they are generated. */
export function BackupCodes({ codes }: { codes: string[] }) {
  function download() {
    const text = `AIO Chat backup codes\nEach code can be used once.\n\n${codes.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'aio-chat-backup-codes.txt' });
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <div className="grid gap-3">
      <ul aria-label="Backup codes" className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-lg border bg-surface-2 p-4 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <CopyButton value={codes.join('\n')} label="Copy codes" />
        <Button variant="secondary" size="sm" onClick={download}>
          <Download aria-hidden /> Download
        </Button>
      </div>
    </div>
  );
}
