// ANSI SGR colours (30-37, 90-97, 1, 0, 39) to HTML spans; everything else is dropped.
window.Ansi = (function () {
  const colours = ['#555', '#e74c3c', '#2ecc71', '#f1c40f', '#5b8def', '#c678dd', '#56b6c2', '#ddd'];
  const bright = ['#888', '#ff6b5a', '#5af78e', '#f4f99d', '#8ab4f8', '#ff92df', '#9aedfe', '#fff'];
  function escape(s) { return s.replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c])); }
  function toHtml(text) {
    let out = '', colour = null, bold = false, open = false;
    const parts = text.split(/\u001b\[([0-9;]*)m/);
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        if (!parts[i]) continue;
        const style = (colour ? 'color:' + colour + ';' : '') + (bold ? 'font-weight:700;' : '');
        out += style ? '<span style="' + style + '">' + escape(parts[i]) + '</span>' : escape(parts[i]);
      } else {
        for (const code of (parts[i] || '0').split(';').map(Number)) {
          if (code === 0) { colour = null; bold = false; }
          else if (code === 1) bold = true;
          else if (code === 22) bold = false;
          else if (code >= 30 && code <= 37) colour = colours[code - 30];
          else if (code >= 90 && code <= 97) colour = bright[code - 90];
          else if (code === 39) colour = null;
        }
      }
    }
    return out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  }
  return { toHtml, escape };
})();
