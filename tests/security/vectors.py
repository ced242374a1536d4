"""Injection vectors written into record text by the hostile-corpus tests.

Classes from the OWASP XSS filter evasion cheat sheet (raw tags, event handlers, URL schemes
in every spelling, entities, whitespace and control characters inside schemes, malformed and
nested tags, mutation XSS), plus what is special to this project: Python-Markdown's attribute
lists and HTML-in-Markdown, Material's admonitions, link reference definitions nested in
lists and quotes, snippet includes, and Jinja2 template syntax. Every payload calls
`alert(N)` with its own N, so a dialog names the vector that fired.
"""

from __future__ import annotations

_PAYLOADS = [
    # Raw HTML: scripts, event handlers, dangerous elements.
    "<script>alert({n})</script>",
    "<img src=x onerror=alert({n})>",
    "<IMG SRC=x ONERROR=alert({n})>",
    "<svg/onload=alert({n})>",
    "<svg><script>alert({n})</script></svg>",
    "<body onload=alert({n})>",
    "<details open ontoggle=alert({n})>x</details>",
    "<a onmouseover=\"alert({n})\">hover</a>",
    "<iframe src=\"javascript:alert({n})\"></iframe>",
    "<object data=\"javascript:alert({n})\"></object>",
    "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
    "<base href=\"javascript:alert({n})//\">",
    "<form action=\"javascript:alert({n})\"><button>go</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert({n})\">",
    "<input type=\"image\" src=\"javascript:alert({n})\">",
    "<video><source onerror=\"alert({n})\"></video>",
    "<style>@import 'javascript:alert({n})';</style>",
    "<div style=\"background:url(javascript:alert({n}))\">styled</div>",
    "<a href=\"https://ok.example/\" onclick=\"alert({n})\">ok</a>",
    "<xss onafterscriptexecute=alert({n})><script>1</script>",
    # Malformed, unclosed and nested tags; mutation XSS.
    "Foo <img src=x onerror=alert({n}) x=",
    "<<script>alert({n});//<</script>",
    "<scr<script>ipt>alert({n})</scr</script>ipt>",
    "<IMG \"\"\"><SCRIPT>alert({n})</SCRIPT>\">",
    "<iframe src=https://x.invalid/ <",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert({n})>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert({n})>\">",
    "<!--<img src=\"--><img src=x onerror=alert({n})//\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert({n})>",
    "\"><img src=x onerror=alert({n})>",
    "' onmouseover='alert({n})' x='",
    "` onmouseover=alert({n}) x=`",
    # Entities and whitespace hiding a scheme.
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert({n})>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert({n})>",
    "<IMG SRC=\"jav&#x09;ascript:alert({n});\">",
    "<a href=\"jav\tascript:alert({n})\">tab</a>",
    "&lt;img src=x onerror=alert({n})&gt;",
    "&#60;img src=x onerror=alert({n})&#62;",
    "[entity](java&#115;cript:alert({n}))",
    # Markdown links and images with other schemes.
    "[a](javascript:alert({n}))",
    "[a](JaVaScRiPt:alert({n}))",
    "[a](<javascript:alert({n})>)",
    "[a](  javascript:alert({n})  )",
    "[a](vbscript:msgbox({n}))",
    "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[a](%6Aavascript:alert({n}))",
    "![i](javascript:alert({n}))",
    "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert({n})>",
    "<https://ok.example/\"onmouseover=\"alert({n})>",
    "[t](https://ok.example/ \"x\\\" onmouseover=\\\"alert({n})\")",
    "javascript:alert({n})",
    # Link reference definitions, also nested in a list or a quote.
    "[ref][r]\n\n[r]: javascript:alert({n})",
    "- item\n\n  [r]: javascript:alert({n})\n\n[ref][r]",
    "> quote\n>\n> [r]: javascript:alert({n})\n\n[ref][r]",
    "1. one\n   > [r]: <javascript:alert({n})>\n\n[ref][r]",
    # Python-Markdown attribute lists, HTML-in-Markdown, Material blocks.
    "![x](https://x.invalid/a.png){{: onerror=\"alert({n})\" }}",
    "[a](https://x.invalid/){{: onclick=\"alert({n})\" }}",
    "[a](https://x.invalid/){{: href=\"javascript:alert({n})\" }}",
    "para\n{{: onclick=\"alert({n})\" }}",
    "# Heading {{: onclick=\"alert({n})\" }}",
    "Heading\n=======\n{{: onmouseover=\"alert({n})\" }}",
    "*em*{{: onclick=alert({n}) }} and **strong**{{ onclick=alert({n}) }}",
    "- item\n{{: onclick=\"alert({n})\" }}",
    "<div markdown=\"1\">*x* <img src=x onerror=alert({n})></div>",
    "!!! note \"x\\\" onclick=\\\"alert({n})\"\n    body",
    "???+ note\n    <img src=x onerror=alert({n})>",
    "- [ ] task <img src=x onerror=alert({n})>",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert({n})> | {{: onclick=alert({n}) }} |",
    # Code spans and escapes the old escaper disagreed with Markdown about.
    "`a\n\n<img src=x onerror=alert({n})>`",
    "\\<img src=x onerror=alert({n})>",
    "``code`` <img src=x onerror=alert({n})> `tail",
    "```\n</code><img src=x onerror=alert({n})>\n```",
    # Includes and templates: shown as text, never run.
    "--8<-- \"/etc/passwd\" alert({n})",
    "{{{{ 7*7 }}}} {{% include 'x' %}} alert({n})",
    "${{alert({n})}} #{{alert({n})}}",
    # Characters `validate` refuses outright (bidirectional override, NUL).
    "\u202e<img src=x onerror=alert({n})>",
    "java\x00script:alert({n})",
]

VECTORS = [payload.format(n=index) for index, payload in enumerate(_PAYLOADS, start=1)]
"""Each hostile text, numbered from 1 by the argument its alert() would receive."""
