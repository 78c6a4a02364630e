#!/usr/bin/env python3
"""Make Word (.docx) versions of the project's own synthetic text rulings.

Usage: python3 corpus/tools/txt_to_docx.py OUT_DIR corpus/samples/<area>/<name>.txt ...

For every input it writes OUT_DIR/<area>/<name>.docx, a minimal but complete WordprocessingML
package shaped like what Word writes, so that the .docx reader meets what real files hold:

* every capitalised word of four letters or more is split over two runs in its middle
  (``Jan<w:r>sen``), the second run carrying ``w:noProof`` as spell-checking leaves it;
* the first party block (the lines after "in de zaak van" up to "tegen") is a table;
* a header repeats the court and the second party's name, a footer the case number;
* the fifth long paragraph moves into a footnote (never one that defines names with
  "hierna": moved to the end, it would no longer tell the reader who is who);
* a comment by the clerk on the second party's name, with its author and initials;
* docProps/core.xml (creator, last modified by, title with the second party's name) and
  docProps/app.xml (company) that name people.

Deterministic: fixed timestamps, so rerunning gives the same bytes. Only ever run it on
rulings written for this project.
"""
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
AUTHOR = "Hanneke Verbeek-Smit"
INITIALS = "HVS"
COMPANY = "Verbeek & Smit Juridisch Advies"
STAMP = (2024, 3, 1, 12, 0, 0)
WORD = re.compile(r"\S+|\s+")


def runs(text):
    """The runs of one paragraph: capitalised words split in their middle."""
    out = []
    for token in WORD.findall(text):
        letters = token.strip(".,;:()")
        if len(letters) >= 4 and letters[0].isupper() and letters.isalpha():
            cut = token.index(letters) + len(letters) // 2
            out.append((token[:cut], False))
            out.append((token[cut:], True))
        else:
            out.append((token, False))
    xml = []
    for piece, proofless in out:
        props = "<w:rPr><w:noProof/></w:rPr>" if proofless else ""
        xml.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(xml)


def paragraph(text, extra=""):
    return f"<w:p>{runs(text)}{extra}</w:p>" if text else "<w:p/>"


def convert(text):
    lines = text.split("\n")
    second_party = ""
    for i, line in enumerate(lines):
        if line.strip() == "tegen":
            second_party = next((l.strip(" ,") for l in lines[i + 1:] if l.strip()), "")
            break
    case_number = next((l.strip() for l in lines if l.startswith(("Zaaknummer", "Parketnummer"))), "")
    long_lines = [i for i, l in enumerate(lines) if len(l) > 80 and "hierna" not in l]
    footnote_at = long_lines[min(4, len(long_lines) - 1)] if long_lines else None
    body = []
    table_rows = []
    in_first_party = False
    commented = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "in de zaak van":
            in_first_party = True
            body.append(paragraph(line))
            continue
        if in_first_party:
            if stripped == "tegen" or (stripped == "" and table_rows):
                in_first_party = False
                body.append(
                    "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
                    + "".join(f"<w:tr><w:tc>{paragraph(row)}</w:tc></w:tr>" for row in table_rows)
                    + "</w:tbl>"
                )
                body.append(paragraph(line))
            elif stripped:
                table_rows.append(line)
            continue
        if i == footnote_at:
            body.append(
                '<w:p><w:r><w:t xml:space="preserve">Zie de voetnoot.</w:t></w:r>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                '<w:footnoteReference w:id="1"/></w:r></w:p>'
            )
            continue
        if second_party and not commented and line.strip(" ,") == second_party:
            commented = True
            body.append(
                '<w:p><w:commentRangeStart w:id="0"/>' + runs(line) + '<w:commentRangeEnd w:id="0"/>'
                '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
            )
            continue
        body.append(paragraph(line))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(body)}'
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/>'
        '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    header = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}">'
        + paragraph(lines[0].strip())
        + paragraph(f"Vonnis in de zaak tegen {second_party}" if second_party else "")
        + "</w:hdr>"
    )
    footer = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}">'
        + '<w:p><w:r><w:t xml:space="preserve">' + escape(case_number) + "</w:t></w:r>"
        + '<w:r><w:tab/></w:r><w:r><w:t>pagina </w:t></w:r></w:p></w:ftr>'
    )
    footnote_text = lines[footnote_at] if footnote_at is not None else ""
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1">{paragraph(footnote_text)}</w:footnote></w:footnotes>'
    )
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W}">'
        f'<w:comment w:id="0" w:author="{AUTHOR}" w:date="2024-03-01T12:00:00Z" w:initials="{INITIALS}">'
        + paragraph(f"Naam van {second_party} nagaan bij de griffie.")
        + "</w:comment></w:comments>"
    )
    title = f"Vonnis {second_party}" if second_party else "Vonnis"
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
        f"<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T12:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>Microsoft Office Word</Application><Company>{escape(COMPANY)}</Company></Properties>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
        '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
        '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
        "</Relationships>"
    )
    return [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
        ("word/footnotes.xml", footnotes),
        ("word/comments.xml", comments),
    ]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out_dir = Path(sys.argv[1])
    for name in sys.argv[2:]:
        path = Path(name)
        target = out_dir / path.parent.name / (path.stem + ".docx")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
            for part, content in convert(path.read_text(encoding="utf-8")):
                info = zipfile.ZipInfo(part, date_time=STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                package.writestr(info, content.encode("utf-8"))
        print(target)


if __name__ == "__main__":
    main()
