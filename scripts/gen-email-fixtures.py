#!/usr/bin/env python3
"""Writes Tests/DeskIntakeTests/Fixtures/email/*.eml, the e-mail parser's fixtures: each encoding Japanese
mail really arrives in. Encoded with Python's codecs, base64 and quopri, not with the parser under test.
Run from the repository root; the tests assert the texts below exactly."""
import base64, quopri, pathlib

OUT = pathlib.Path("Tests/DeskIntakeTests/Fixtures/email")

def b_word(text, charset, codec=None):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(codec or charset)).decode())

def q_word(text, charset, codec):
    return "=?%s?Q?%s?=" % (charset, "".join("=%02X" % c for c in text.encode(codec)))

def b64_lines(data):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))

def write(name, head, body, crlf=False):
    data = head.encode("ascii") + b"\n" + body
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    (OUT / name).write_bytes(data)

# 1. UTF-8, quoted-printable; the subject split mid-character across two B words on a folded line.
subject = "店舗での対応について（ご相談）".encode()
write("01-utf8-qp.eml", f"""From: {b_word("山田 太郎", "UTF-8")} <taro.yamada@example.jp>
To: {b_word("お客様相談窓口", "UTF-8")} <desk@example.org>
Subject: =?UTF-8?B?{base64.b64encode(subject[:14]).decode()}?=
 =?utf-8?b?{base64.b64encode(subject[14:]).decode()}?=
Date: Tue, 24 Nov 2026 22:15:03 +0900
Message-ID: <20261124221503.12345@example.jp>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable
""", quopri.encodestring("相談窓口 御中\n\n11月20日の夕方、新宿店のレジで店員の方から大声で怒鳴られました。"
                         "ほかのお客様の前で、とても恥ずかしい思いをしました。\n謝罪と説明を求めます。\n\n山田\n".encode()))

# 2. The classic: ISO-2022-JP, 7bit; date without weekday or seconds.
write("02-iso2022jp.eml", f"""From: {b_word("鈴木 花子", "ISO-2022-JP")} <hanako@example.ne.jp>
To: desk@example.org
Subject: {b_word("電話での暴言について", "ISO-2022-JP")}
Date: 24 Nov 2026 09:05 +0900
Message-ID: <iso2022jp.1@example.ne.jp>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-2022-JP
Content-Transfer-Encoding: 7bit
""", "お世話になっております。\n昨日お電話した際、担当者の言葉遣いがとても乱暴でした。\n折り返しのご連絡をお願いします。\n"
     .encode("iso2022_jp"))

# 3. Labelled Shift_JIS, really CP932 (髙, ①, ～ are not in JIS X 0208); base64; two-digit year, JST.
write("03-shiftjis-base64.eml", f"""From: {b_word("髙橋 一郎", "Shift_JIS", "cp932")} <takahashi@example.com>
To: desk@example.org
Subject: {b_word("ご意見①", "Shift_JIS", "cp932")}
Date: Mon, 23 Nov 26 18:30:00 JST
MIME-Version: 1.0
Content-Type: text/plain; charset="Shift_JIS"
Content-Transfer-Encoding: base64
""", b64_lines("担当の髙橋です。\n① 待ち時間が長い\n② 説明が不十分\n営業時間は１０時～１９時です。\n".encode("cp932")).encode() + b"\n")

# 4. EUC-JP, 8bit; Q-encoded subject; the date carries a (JST) comment.
write("04-eucjp-8bit.eml", f"""From: Sato Jiro <sato@example.jp>
To: desk@example.org
Subject: {q_word("店内の騒音について", "EUC-JP", "euc_jp")}
Date: Wed, 25 Nov 2026 10:00:00 +0900 (JST)
MIME-Version: 1.0
Content-Type: text/plain; charset=euc-jp
Content-Transfer-Encoding: 8bit
""", "昨夜、隣の席のお客様が大声で騒いでいました。\n店員の方は注意してくれませんでした。\n".encode("euc_jp"))

# 5. multipart/mixed: text, a PDF named by RFC 2231 continuations, a PNG named by an RFC 2047 word.
PDF = b"%PDF-1.4\n%mado test\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(range(256))
attachments_head = f"""From: {b_word("田中", "UTF-8")} <tanaka@example.jp>
To: desk@example.org, "Kobayashi, Ken" <ken@example.org>
Subject: {b_word("見積書の件", "UTF-8")}
Date: Thu, 26 Nov 2026 08:00:00 +0900
Message-ID: <mixed.5@example.jp>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="==mado-boundary-1=="
"""
attachments_body = f"""This is a multi-part message in MIME format.

--==mado-boundary-1==
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

見積書と写真を添付します。
金額が説明と違います。
--==mado-boundary-1==
Content-Type: application/pdf; name="mitsumori.pdf"
Content-Disposition: attachment;
 filename*0*=UTF-8''%E8%A6%8B%E7%A9%8D;
 filename*1*=%E6%9B%B8.pdf
Content-Transfer-Encoding: base64

{b64_lines(PDF)}
--==mado-boundary-1==
Content-Type: image/png
Content-Disposition: attachment; filename="{b_word("店舗の写真.png", "UTF-8")}"
Content-Transfer-Encoding: base64

{b64_lines(PNG)}
--==mado-boundary-1==--
The epilogue is ignored.
""".encode()
write("05-attachments.eml", attachments_head, attachments_body)

# 6. multipart/alternative inside multipart/mixed, and a CSV named by a one-piece RFC 2231 value.
ALT_PLAIN = b64_lines("駐車場で警備員の方に威圧的な態度を取られました。\n録音があります。\n".encode())
ALT_HTML = quopri.encodestring("<html><body><p>駐車場で<b>警備員</b>の方に威圧的な態度を取られました。</p></body></html>"
                               .encode()).decode()
write("06-alternative.eml", f"""From: {b_word("伊藤 美咲", "UTF-8")} <misaki@example.jp>
To: desk@example.org
Subject: {b_word("駐車場でのトラブル", "UTF-8")}
Date: Fri, 27 Nov 2026 12:34:56 +0900
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=outer
""", f"""--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

{ALT_PLAIN}
--inner
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{ALT_HTML}
--inner--

--outer
Content-Type: text/csv; charset=utf-8
Content-Disposition: attachment; filename*=UTF-8''%E8%A8%98%E9%8C%B2.csv

日時,内容
2026-11-27 12:00,駐車場
--outer--
""".encode())

write("06b-html-only.eml", """From: complaints@example.com
To: desk@example.org
Subject: Complaint (HTML only)
Date: Sat, 28 Nov 2026 07:00:00 -0500
MIME-Version: 1.0
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: quoted-printable
""", quopri.encodestring("""<!DOCTYPE html>
<html><head><title>件名</title><style>p { color: red; }</style>
<script>alert("x")</script></head>
<body>
<p>お客様相談室&nbsp;御中</p>
<p>先日、<b>店長</b>から
「二度と来るな」と言われました。<br>理由の説明を求めます &amp; 返金も。</p>
<!-- a comment -->
<div>&lt;記録&gt; &#x2460; &#9313; &quot;写真あり&quot;</div>
</body></html>
""".encode()))

# 7. The multipart of 5 with CRLF line ends, as it comes over SMTP.
write("07-attachments-crlf.eml", attachments_head, attachments_body, crlf=True)
