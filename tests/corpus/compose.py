"""Model -> document blocks (headings, paragraphs, tables, lists) with the report's wording.

The blocks carry content and wording but no line layout, so a PDF or DOCX renderer can draw
the same blocks that ``textlayout.py`` turns into extracted-looking text.  Every random choice
comes from a ``random.Random`` keyed by the report seed and the element it decides, so a
defect that changes one element leaves the wording of every other element untouched.
"""
from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field

from . import lexicon as L
from .model import Indicator, Report, round_half_up, status_of

ROMAN = L.ROMAN


# --------------------------------------------------------------------------- blocks
@dataclass
class Heading:
    text: str
    level: int          # 1 chapter, 2 sub-part, 3 minor
    part: str = ""


@dataclass
class Para:
    text: str
    role: str = "body"


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    role: str                       # summary | indicator | budget | pk | rencana-aksi
    caption: str | None = None
    name_col: int = 1               # the column that wraps
    group_col: int | None = None    # merged cell column (sasaran)


@dataclass
class Items:
    items: list[tuple[str, str]]
    role: str = "list"


@dataclass
class PageBreak:
    pass


@dataclass
class Toc:
    entries: list[tuple[str, str]]


@dataclass
class Sign:
    lines: list[str]


# --------------------------------------------------------------------------- style
@dataclass
class Style:
    code_fmt: str
    code_fmt_ref: str
    quarter_arabic: bool
    target_hdr: str
    real_hdr: str
    cap_hdr: str
    annual_hdr: str
    code_hdr: str
    unit_mode: str
    sum_code_col: bool
    sum_unit_col: bool
    sum_annual_col: bool
    sum_cap_col: bool
    pct_fixed2: bool
    pct_space: bool
    value_trim: bool
    zero_cap: str
    zero_target: str
    heading_upper: bool
    sub_numbered: bool
    ind_head_letter: bool
    table_seq: bool
    analysis_label: str
    rec_label: str
    concl_bullet: str
    concl_per_indicator: bool
    english_prose: bool
    analysis_sub: bool
    sistematika: bool
    score_unit_prose: bool
    rupiah_prefix: str
    extra: dict = field(default_factory=dict)


CODE_FORMATS = {
    "IK": ["IK.{n}", "IK. {n}", "IK {n}", "IK-{n}"],
    "IKU": ["IKU {n}", "IKU-{n}", "IKU.{n}", "IKU. {n}"],
    "IKK": ["IKK {n}", "IKK.{n}", "IKK-{n}"],
    "IKSS": ["IKSS {n}", "IKSS.{n}", "IKSS-{n}"],
}


def choose_style(report: Report) -> Style:
    rng = random.Random(f"{report.seed}|style")
    m = report.meta
    scheme = m.code_scheme
    fmts = CODE_FORMATS.get(scheme, ["{n}"])
    code_fmt = rng.choice(fmts)
    code_fmt_ref = code_fmt if rng.random() < 0.6 else rng.choice(fmts)
    annual = m.kind == "annual"
    qa = rng.random() < 0.15
    q = str(m.quarter) if qa else ROMAN[m.quarter]
    cum = m.target_basis == "cumulative"
    if annual:
        target_hdr = rng.choice([f"Target {m.year}", f"Target Tahun {m.year}", "Target"])
        real_hdr = rng.choice([f"Realisasi {m.year}", f"Realisasi Tahun {m.year}", "Realisasi"])
    else:
        tw = rng.choice(["TW", "Triwulan", "TW"])
        opts = [f"Target {tw} {q}"]
        if cum:
            opts += [f"Target s.d. {tw} {q}", f"Target s.d. {tw} {q}"]
        target_hdr = rng.choice(opts)
        real_hdr = target_hdr.replace("Target", "Realisasi")
        if rng.random() < 0.15:
            real_hdr = "Realisasi"
    cap_hdr = rng.choice(["Capaian", "Capaian (%)", "% Capaian", "Persentase Capaian",
                          "Persentase", "Progress" if annual else f"Progress TW {q}"])
    return Style(
        code_fmt=code_fmt, code_fmt_ref=code_fmt_ref, quarter_arabic=qa,
        target_hdr=target_hdr, real_hdr=real_hdr, cap_hdr=cap_hdr,
        annual_hdr=rng.choice(["Target Tahunan", f"Target {m.year}", "Target PK"]),
        code_hdr=rng.choice(["Kode IK", "Kode", "No. IK"]) if scheme != "none" else "No",
        unit_mode=rng.choice(["suffix", "suffix", "column"]),
        sum_code_col=scheme != "none" and rng.random() < 0.4,
        sum_unit_col=rng.random() < 0.35,
        sum_annual_col=not annual and rng.random() < 0.7,
        sum_cap_col=annual or rng.random() < 0.55,
        pct_fixed2=rng.random() < 0.5, pct_space=rng.random() < 0.4,
        value_trim=rng.random() < 0.5,
        zero_cap=rng.choice(["-", "-", "0%", "0,00 %"]),
        zero_target=rng.choice(["0", "0", "0", "-"]),
        heading_upper=rng.random() < 0.75, sub_numbered=rng.random() < 0.25,
        ind_head_letter=rng.random() < 0.6, table_seq=rng.random() < 0.6,
        analysis_label=rng.choice(["{n})", "{n}.", "{n})"]),
        rec_label=rng.choice(["{n}.", "{n})", "({n})"]),
        concl_bullet=rng.choice(["•", "-", "•", "numbered"]),
        concl_per_indicator=rng.random() < 0.6,
        english_prose=rng.random() < 0.15, analysis_sub=rng.random() < 0.6,
        sistematika=rng.random() < 0.4, score_unit_prose=rng.random() < 0.5,
        rupiah_prefix=rng.choice(["Rp", "Rp ", "Rp. "]),
    )


# --------------------------------------------------------------------------- numbers
def fmt_num(x: float, decimals: int, trim: bool = False, english: bool = False) -> str:
    if decimals == 0 or (trim and float(x).is_integer()):
        s = f"{round(x):,}"
    else:
        s = f"{x:,.{decimals}f}"
        if trim:
            s = s.rstrip("0").rstrip(".")
    if english:
        return s
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_pct(x: float, st: Style, english: bool = False) -> str:
    s = fmt_num(x, 2, trim=not st.pct_fixed2, english=english)
    return s + (" %" if st.pct_space else "%")


def fmt_rp(x: int, english: bool = False) -> str:
    return fmt_num(x, 0, english=english)


def is_pct_kind(ind: Indicator) -> bool:
    return ind.kind in ("percent", "progress", "neg_percent")


# --------------------------------------------------------------------------- composer
class Composer:
    def __init__(self, report: Report):
        self.r = report
        self.m = report.meta
        self.st = choose_style(report)
        self.blocks: list = []
        self.table_no = 0
        self.toc_pages: dict[str, int] = {}

    def rng(self, *key) -> random.Random:
        return random.Random("|".join([str(self.r.seed)] + [str(k) for k in key]))

    # ---- small helpers
    def q(self, quarter: int | None = None) -> str:
        quarter = quarter or self.m.quarter
        return str(quarter) if self.st.quarter_arabic else ROMAN[quarter]

    def period_long(self, quarter=None, year=None, rng=None, bare=False) -> str:
        m, rng = self.m, rng or self.rng("period")
        year = year or m.year
        if m.kind == "annual":
            return rng.choice([f"tahun {year}", f"tahun anggaran {year}", f"tahun {year}"]) \
                if bare else rng.choice([f"pada tahun {year}", f"selama tahun {year}",
                                         f"pada tahun anggaran {year}"])
        qq = self.q(quarter)
        if m.target_basis == "cumulative" and not bare:
            opts = [f"triwulan {qq} tahun {year}", f"sampai dengan triwulan {qq} tahun {year}",
                    f"s.d. triwulan {qq} tahun {year}", f"triwulan {qq} {year}"]
        else:
            opts = [f"triwulan {qq} tahun {year}", f"triwulan {qq} {year}"]
        p = rng.choice(opts)
        if bare:
            return p
        if p.startswith(("sampai", "s.d.")):
            return p
        return rng.choice(["pada ", "selama ", "pada "]) + p

    def hdr(self, text: str) -> str:
        return text.upper() if self.st.heading_upper else text

    def label(self, ind: Indicator, ref: bool = False, code: str | None = None) -> str:
        target = self.r.indicator(code) if code else ind
        if target.label is None:
            return str(target.number)
        fmt = self.st.code_fmt_ref if ref else self.st.code_fmt
        n = target.label.split(".", 1)[1]
        return fmt.format(n=n)

    def value(self, ind: Indicator, x: float, unit: str | None = None, where: str = "table",
              english: bool = False) -> str:
        st = self.st
        unit = unit or ind.unit
        if x == 0 and where == "target-zero" and st.zero_target == "-":
            return "-"
        if where == "target-zero":
            where = "table"
        d = ind.decimals
        s = fmt_num(x, d, trim=st.value_trim, english=english)
        if is_pct_kind(ind) and unit == "persen":
            return s + ("%" if where != "table" or st.unit_mode == "suffix" else "")
        if where == "table" and st.unit_mode == "column":
            return s
        if ind.is_score and where == "prose" and not st.score_unit_prose and unit == ind.unit:
            return s
        return f"{s} {unit}"

    def printed_cap(self, ind: Indicator) -> float | None:
        if ind.printed.capaian is not None:
            return float(ind.printed.capaian)
        return ind.capaian

    def cap_text(self, ind: Indicator, value: float | None = None, english: bool = False) -> str:
        c = self.printed_cap(ind) if value is None else value
        if c is None:
            return "-" if status_of(ind) == "above-zero" else self.st.zero_cap
        return fmt_pct(c, self.st, english=english)

    def verdict_class(self, ind: Indicator) -> str:
        c = self.printed_cap(ind)
        if c is None:
            return "over" if status_of(ind) == "above-zero" else "na"
        if ind.printed.capaian is not None:
            if ind.capaian is None:  # a zero target printed with a percentage
                return "over" if status_of(ind) == "above-zero" else "equal"
            c = ind.capaian  # arithmetic/polarity defects keep the true verdict
        if c > 100:
            return "over"
        return "equal" if c == 100 else "under"

    def verdict_phrase(self, ind: Indicator, cls: str, rng: random.Random) -> str:
        if ind.polarity == "negative":
            time = ind.unit == "hari"
            return rng.choice({
                "over": ["lebih rendah dari target", "di bawah target"] +
                        (["lebih cepat dari target"] if time else []),
                "under": ["melebihi target", "lebih tinggi dari target", "di atas target"] +
                         (["lebih lama dari target"] if time else []),
                "equal": ["sama dengan target", "tepat sama dengan target"],
            }[cls])
        return rng.choice({
            "over": ["melebihi target", "melampaui target", "berada di atas target",
                     "telah melampaui target yang ditetapkan"],
            "under": ["belum mencapai target", "masih di bawah target", "tidak mencapai target"],
            "equal": ["sesuai dengan target", "sama dengan target", "tercapai 100%"],
        }[cls])

    def name_in_sentence(self, ind: Indicator) -> str:
        n = ind.name
        if n.split()[0] in ("Jumlah", "Persentase", "Waktu", "Luas"):
            return n[0].lower() + n[1:]
        return n

    # ---- document
    def compose(self) -> list:
        r, omit = self.r, set(self.r.printed.omit_parts)
        b = self.blocks
        self.cover()
        if r.has_kata_pengantar:
            b.append(PageBreak())
            self.kata_pengantar()
        if r.has_toc:
            b.append(PageBreak())
            self.toc()
        chapters = []
        if "ikhtisar" not in omit:
            chapters.append(self.ikhtisar)
        bab = 0
        if "bab1" not in omit:
            bab += 1
            chapters.append(lambda n=bab: self.bab1(n))
        if "bab2" not in omit:
            bab += 1
            chapters.append(lambda n=bab: self.bab2(n))
        bab += 1
        chapters.append(lambda n=bab: self.bab3(n))
        if "bab4" not in omit:
            bab += 1
            chapters.append(lambda n=bab: self.bab4(n))
        if "lampiran" not in omit:
            chapters.append(self.lampiran)
        for ch in chapters:
            b.append(PageBreak())
            ch()
        return b

    def cover(self):
        m = self.m
        title = ("LAPORAN KINERJA" if m.kind == "annual" else
                 f"LAPORAN KINERJA TRIWULAN {self.q()}")
        self.blocks.append(Heading(title, 0, "cover"))
        self.blocks.append(Para(f"TAHUN {m.year}" if m.kind == "annual" else
                                f"TAHUN ANGGARAN {m.year}", "cover"))
        self.blocks.append(Para(m.agency.upper(), "cover"))
        self.blocks.append(Para(m.parent.upper(), "cover"))

    def report_title(self) -> str:
        m = self.m
        if m.kind == "annual":
            return f"Laporan Kinerja Tahun {m.year}"
        return f"Laporan Kinerja Triwulan {self.q()} Tahun {m.year}"

    def signature(self) -> Sign:
        m = self.m
        d = _dt.date.fromisoformat(m.sign_date)
        date = f"{d.day} {L.MONTHS[d.month - 1]} {d.year}"
        title = m.head_title
        return Sign([f"{m.sign_place}, {date}", title + ",", "", "", m.head_name,
                     f"NIP {m.head_nip}"])

    def kata_pengantar(self):
        m, rng = self.m, self.rng("kp")
        b = self.blocks
        b.append(Heading(self.hdr("Kata Pengantar"), 1, "kata_pengantar"))
        title = self.report_title()
        paras = [
            (f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya "
            f"{title} {m.agency}. Laporan ini disusun sebagai wujud pertanggungjawaban atas "
            f"pelaksanaan tugas dan fungsi serta pencapaian sasaran yang telah ditetapkan dalam "
            f"Perjanjian Kinerja Tahun {m.year}."),
            rng.choice([
                ("Laporan ini memuat perbandingan antara target dan realisasi indikator kinerja, "
                "analisis atas capaian, serta realisasi anggaran yang mendukung pencapaian "
                "kinerja tersebut."),
                ("Melalui laporan ini diharapkan pimpinan dan pemangku kepentingan memperoleh "
                "gambaran yang utuh mengenai capaian kinerja, kendala yang dihadapi, dan langkah "
                "perbaikan yang akan ditempuh.")]),
            rng.choice([
                ("Kami menyadari bahwa laporan ini masih memiliki kekurangan. Oleh karena itu, "
                "saran dan masukan yang membangun sangat kami harapkan untuk perbaikan pada "
                "periode berikutnya."),
                ("Kepada semua pihak yang telah membantu penyusunan laporan ini kami sampaikan "
                "terima kasih. Semoga laporan ini bermanfaat sebagai bahan evaluasi dan "
                "perbaikan kinerja.")]),
        ]
        b.extend(Para(p) for p in paras)
        b.append(self.signature())

    def toc(self):
        rng = self.rng("toc")
        entries, page = [], 1
        if self.r.has_kata_pengantar:
            entries.append(("KATA PENGANTAR", "i"))
        entries += [("DAFTAR ISI", "ii"), ("IKHTISAR EKSEKUTIF", "iii")]
        names = [("BAB I", "PENDAHULUAN"), ("BAB II", "PERENCANAAN KINERJA"),
                 ("BAB III", "AKUNTABILITAS KINERJA"), ("BAB IV", "PENUTUP")]
        for bab, title in names:
            entries.append((f"{bab} {title}", str(page)))
            if bab == "BAB III":
                entries.append(("A. Capaian Kinerja", str(page)))
                page += rng.randint(5, 9)
                entries.append(("B. Realisasi Anggaran", str(page)))
            page += rng.randint(2, 4)
        entries.append(("LAMPIRAN", str(page + 1)))
        self.blocks.append(Heading(self.hdr("Daftar Isi"), 1, "daftar_isi"))
        self.blocks.append(Toc(entries))

    # ---- Ikhtisar eksekutif
    def ikhtisar(self):
        m, r = self.m, self.r
        rng = self.rng("ikhtisar")
        b = self.blocks
        b.append(Heading(self.hdr("Ikhtisar Eksekutif"), 1, "ikhtisar"))
        b.append(Para(
            f"{m.agency} merupakan unit kerja di lingkungan {m.parent} yang mempunyai tugas "
            f"{m.tugas}. Dalam rangka mewujudkan sasaran yang telah ditetapkan, pada tahun "
            f"{m.year} {m.agency_short} menetapkan {len(r.sasaran)} sasaran dengan "
            f"{len(r.indicators)} indikator kinerja sebagaimana tertuang dalam Perjanjian "
            f"Kinerja."))
        per = "tahun " + str(m.year) if m.kind == "annual" else \
            f"Triwulan {self.q()} Tahun {m.year}"
        b.append(Para(rng.choice([
            f"Capaian indikator kinerja {m.agency_short} {per} disajikan pada tabel berikut:",
            f"Gambaran capaian kinerja {per} secara ringkas dapat dilihat pada tabel berikut:",
            f"Berikut ringkasan capaian indikator kinerja {per}:"])))
        b.append(self.summary_table())
        a, nb, c = r.printed.summary_counts or r.summary_counts()
        n = len(r.indicators)
        when = f"tahun {m.year}" if m.kind == "annual" else f"triwulan {self.q()}"
        tmpl = self.rng("summary-stmt").randrange(3)
        if tmpl == 0:
            s = (f"Dari {n} indikator kinerja, sebanyak {a} indikator telah mencapai atau "
                 f"melampaui target")
            s += f", {nb} indikator belum mencapai target" if nb else \
                ", dan tidak ada indikator yang belum mencapai target"
            if c:
                s += f", serta {c} indikator belum dapat diukur pada {when}"
            s += "."
        elif tmpl == 1:
            s = f"Secara keseluruhan, {a} dari {n} indikator kinerja telah mencapai target"
            if nb:
                s += f", sedangkan {nb} indikator belum mencapai target"
            if c:
                s += (f"{' dan' if nb else ', sedangkan'} {c} indikator belum diukur karena "
                      f"pengukurannya dilakukan pada akhir periode")
            s += "."
        else:
            s = f"Hasil pengukuran menunjukkan {a} indikator tercapai"
            if nb:
                s += f", {nb} indikator tidak tercapai"
            if c:
                s += f", serta {c} indikator belum dapat diukur"
            s += (f", dari total {n} indikator yang ditetapkan dalam Perjanjian Kinerja "
                  f"{m.year}.")
        b.append(Para(s))
        b.append(Para(rng.choice([
            (f"Kendala utama yang dihadapi antara lain {m.isu[0]} serta {m.isu[1]}. Langkah "
            f"yang ditempuh adalah penguatan koordinasi, percepatan pelaksanaan kegiatan, dan "
            f"pemantauan capaian secara berkala."),
            (f"Permasalahan yang masih dihadapi meliputi {m.isu[1]}. Untuk mengatasinya, "
            f"{m.agency_short} melakukan penjadwalan ulang kegiatan serta meningkatkan "
            f"koordinasi dengan pemangku kepentingan.")])))

    def summary_table(self) -> Table:
        m, st, r = self.m, self.st, self.r
        annual = m.kind == "annual"
        header = ["No", "Sasaran"]
        if st.sum_code_col:
            header.append("Kode")
        header.append("Indikator Kinerja" if st.code_hdr != "No" else "Indikator")
        if st.sum_unit_col:
            header.append("Satuan")
        if st.sum_annual_col and not annual:
            header.append(st.annual_hdr)
        header += [st.target_hdr, st.real_hdr]
        if st.sum_cap_col:
            header.append(st.cap_hdr)
        rows = []
        last_s = None
        for ind in r.indicators:
            p = ind.printed
            s = r.sasaran[ind.sasaran - 1]
            first = s.number != last_s
            last_s = s.number
            row = [str(s.number) if first else "", s.name if first else ""]
            if st.sum_code_col:
                row.append(self.label(ind))
            row.append(ind.name)
            if st.sum_unit_col:
                row.append(self.unit_word(ind))
            col_mode = st.sum_unit_col
            if st.sum_annual_col and not annual:
                row.append(self.cell_value(ind, ind.target_annual, col_mode))
            t = p.summary_target if p.summary_target is not None else ind.target
            rv = p.summary_realisasi if p.summary_realisasi is not None else ind.realisasi
            row.append(self.cell_value(ind, t, col_mode, target=True))
            row.append(self.cell_value(ind, rv, col_mode))
            if st.sum_cap_col:
                row.append(self.cap_text(ind))
            rows.append(row)
        name_col = header.index("Indikator Kinerja" if "Indikator Kinerja" in header
                                else "Indikator")
        cap = None
        if st.table_seq:
            self.table_no += 1
            period = ("Tahun " + str(m.year) if annual
                      else "Triwulan " + self.q() + " " + str(m.year))
            cap = f"Tabel {self.table_no}. Ikhtisar Capaian Kinerja {period}"
        return Table(header, rows, "summary", cap, name_col=name_col, group_col=1)

    def unit_word(self, ind: Indicator, override: str | None = None) -> str:
        u = override or ind.unit
        return "%" if u == "persen" and self.rng("unitword").random() < 0.5 else u

    def cell_value(self, ind: Indicator, x: float, unit_col: bool, target: bool = False,
                   unit: str | None = None) -> str:
        """A numeric cell of a summary table (no unit when there is a unit column)."""
        if target and x == 0 and self.st.zero_target == "-":
            return "-"
        s = fmt_num(x, ind.decimals, trim=self.st.value_trim)
        return s

    # ---- Bab I
    def bab_heading(self, n: int, title: str, part: str):
        rng = self.rng("babhead", n)
        self.blocks.append(Heading(f"BAB {ROMAN[n]}", 1, part))
        self.blocks.append(Heading(self.hdr(title) if rng.random() < 0.5 else title.upper(),
                                   1, part + "-title"))

    def sub(self, chapter: int, idx: int, title: str, part: str):
        if self.st.sub_numbered:
            lab = f"{chapter}.{idx}"
        else:
            lab = "ABCDEFG"[idx - 1] + "."
        self.blocks.append(Heading(f"{lab} {self.hdr(title)}", 2, part))

    def bab1(self, n: int):
        m, st = self.m, self.st
        rng = self.rng("bab1")
        b = self.blocks
        self.bab_heading(n, "Pendahuluan", "bab1")
        self.sub(n, 1, "Latar Belakang", "bab1-latar")
        b.append(Para(
            "Penyusunan laporan kinerja merupakan amanat Peraturan Presiden Nomor 29 Tahun 2014 "
            "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri "
            "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014. "
            f"{self.report_title()} menyajikan capaian kinerja {m.agency} atas Perjanjian "
            f"Kinerja yang telah ditetapkan."))
        self.sub(n, 2, "Tugas dan Fungsi", "bab1-tusi")
        b.append(Para(f"{m.agency} mempunyai tugas {m.tugas}. Dalam melaksanakan tugas "
                      f"tersebut, {m.agency_short} menyelenggarakan fungsi:"))
        b.append(Items([(f"{'abcdefghij'[i]}.", f + (";" if i < len(m.fungsi) - 1 else "."))
                        for i, f in enumerate(m.fungsi)], "fungsi"))
        self.sub(n, 3, "Isu Strategis", "bab1-isu")
        b.append(Para("Isu strategis yang dihadapi dalam pelaksanaan tugas dan fungsi antara "
                      "lain:"))
        b.append(Items([(f"{i + 1}.", s[0].upper() + s[1:] + ".") for i, s in enumerate(m.isu)],
                       "isu"))
        if st.sistematika:
            self.sub(n, 4, "Sistematika Penyajian", "bab1-sistematika")
            b.append(Para(rng.choice([
                ("Laporan ini disusun dengan sistematika sebagai berikut: Ikhtisar Eksekutif; "
                "Bab I Pendahuluan; Bab II Perencanaan Kinerja; Bab III Akuntabilitas Kinerja; "
                "Bab IV Penutup; dan Lampiran."),
                ("Sistematika laporan terdiri atas Bab I Pendahuluan, Bab II Perencanaan Kinerja, "
                "Bab III Akuntabilitas Kinerja yang memuat capaian kinerja dan realisasi "
                "anggaran, serta Bab IV Penutup.")])))

    # ---- Bab II
    def bab2(self, n: int):
        m, st, r = self.m, self.st, self.r
        b = self.blocks
        self.bab_heading(n, "Perencanaan Kinerja", "bab2")
        self.sub(n, 1, "Rencana Strategis", "bab2-renstra")
        b.append(Para(f"Rencana Strategis {m.agency_short} periode {m.renstra_period} menjadi "
                      f"acuan dalam penetapan sasaran dan indikator kinerja tahunan."))
        self.sub(n, 2, f"Perjanjian Kinerja Tahun {m.year}", "bab2-pk")
        b.append(Para(f"Sasaran yang ditetapkan dalam Perjanjian Kinerja Tahun {m.year} adalah "
                      "sebagai berikut:"))
        b.append(Items([(f"{'abcdefghij'[s.number - 1]}.", s.name + ";") for s in r.sasaran],
                       "sasaran"))
        b.append(Para("Indikator kinerja yang digunakan untuk mengukur sasaran tersebut adalah:"))
        b.append(Items([(f"{i + 1}.", ind.name + ".") for i, ind in enumerate(r.indicators)],
                       "indikator"))
        if r.rencana_aksi_in_bab2:
            self.sub(n, 3, "Rencana Aksi", "bab2-ra")
            basis = ("kumulatif sampai dengan triwulan berkenaan"
                     if m.target_basis == "cumulative" else "per triwulan")
            b.append(Para(f"Target triwulanan dalam Rencana Aksi ditetapkan secara {basis}, "
                          f"sebagaimana tabel berikut:"))
            header = [st.code_hdr, "Indikator", "Satuan", f"Target {m.year}", "TW I", "TW II",
                      "TW III", "TW IV"]
            rows = []
            for ind in r.indicators:
                rows.append([self.label(ind), ind.name, self.unit_word(ind),
                             fmt_num(ind.target_annual, ind.decimals, trim=st.value_trim)] +
                            [("-" if t == 0 and st.zero_target == "-" else
                              fmt_num(t, ind.decimals, trim=st.value_trim))
                             for t in ind.targets])
            cap = None
            if st.table_seq:
                self.table_no += 1
                cap = f"Tabel {self.table_no}. Rencana Aksi Tahun {m.year}"
            b.append(Table(header, rows, "rencana-aksi", cap, name_col=1))

    # ---- Bab III
    def bab3(self, n: int):
        m, st, r = self.m, self.st, self.r
        omit = set(r.printed.omit_parts)
        b = self.blocks
        rng = self.rng("bab3")
        self.bab3_no = n
        self.bab_heading(n, "Akuntabilitas Kinerja", "bab3")
        b.append(Para(rng.choice([
            ("Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap "
            "indikator kinerja. Untuk indikator yang semakin tinggi realisasinya semakin baik, "
            "capaian dihitung dengan rumus realisasi dibagi target dikali 100%, sedangkan untuk "
            "indikator yang semakin rendah realisasinya semakin baik digunakan rumus "
            "(2 x target - realisasi) dibagi target dikali 100%."),
            (f"Bab ini menyajikan capaian kinerja {m.agency_short} berdasarkan Perjanjian Kinerja "
            f"Tahun {m.year} beserta analisis dan realisasi anggarannya.")])))
        sub = 1
        self.sub(n, sub, "Capaian Kinerja", "bab3a")
        b.append(Para(f"Capaian masing-masing indikator kinerja "
                      f"{self.period_long(rng=self.rng('p-intro'), bare=True)} diuraikan sebagai "
                      f"berikut:"))
        for i, ind in enumerate(r.indicators):
            self.indicator_section(i, ind)
        if st.analysis_sub:
            sub += 1
            self.sub(n, sub, "Analisis Capaian Kinerja", "bab3-analisis")
        else:
            b.append(Para("Analisis capaian kinerja per indikator disajikan sebagai berikut.",
                          "analysis-lead"))
        self.analysis()
        if "bab3b" not in omit:
            sub += 1
            self.sub(n, sub, "Realisasi Anggaran", "bab3b")
            self.budget()
        if r.extra_section:
            sub += 1
            title, text = r.extra_section
            self.sub(n, sub, title, "bab3-extra")
            b.append(Para(text))

    def indicator_section(self, i: int, ind: Indicator):
        m, st, r = self.m, self.st, self.r
        b = self.blocks
        p = ind.printed
        lab = f"{'abcdefghijklmnopqrstuvwxyz'[i]}." if st.ind_head_letter else f"{i + 1}."
        code = self.label(ind)
        if ind.label is None:
            b.append(Heading(f"{lab} Indikator Kinerja {ind.number}: {ind.name}", 3, "ik-head"))
        else:
            sep = self.rng("headsep").choice([" : ", " ", " - "])
            b.append(Heading(f"{lab} {code}{sep}{ind.name}", 3, "ik-head"))
        # table
        offset = r.printed.table_numbers[i] if r.printed.table_numbers else i
        if st.table_seq:
            tno = str(self.table_no + 1 + offset)
            if i == len(r.indicators) - 1:
                self.table_no += len(r.indicators)
        else:
            tno = f"{self.bab3_no}.{offset + 1}"
        ref = self.label(ind, ref=True) if ind.label else f"Indikator {ind.number}"
        annual = m.kind == "annual"
        per = f"Tahun {m.year}" if annual else f"Triwulan {self.q()} Tahun {m.year}"
        cap_rng = self.rng("caption")
        caption = cap_rng.choice([
            f"Tabel {tno} : Capaian Kinerja {ref} {m.agency_short} terhadap target {per}",
            f"Tabel {tno}. Capaian Kinerja {ref} {per}",
            f"Tabel {tno} Target dan Realisasi {ref} {per}"])
        header = [st.code_hdr, "Indikator"]
        if st.unit_mode == "column":
            header.append("Satuan")
        header += [st.target_hdr, st.real_hdr, st.cap_hdr]
        code_cell = self.label(ind, code=p.table_code) if p.table_code else \
            (code if ind.label else str(ind.number))
        unit = p.table_unit or ind.unit
        row = [code_cell, p.table_name or ind.name]
        if st.unit_mode == "column":
            row.append(self.unit_word(ind, unit))
        row.append(self.value(ind, ind.target, unit, where="target-zero")
                   if ind.target == 0 else self.value(ind, ind.target, unit))
        row.append(self.value(ind, ind.realisasi, unit))
        row.append(self.cap_text(ind))
        b.append(Table(header, [row], "indicator", caption, name_col=1))
        b.append(Para(self.narrative(ind), "narrative"))

    # ---- narratives
    def narrative(self, ind: Indicator) -> str:
        m, st = self.m, self.st
        p = ind.printed
        rng = self.rng("narr", ind.code)
        eng = st.english_prose and rng.random() < 0.5
        T = p.prose_target if p.prose_target is not None else ind.target
        R = p.prose_realisasi if p.prose_realisasi is not None else ind.realisasi
        if p.prose_swap:
            T, R = R, T
        unit = p.prose_unit or ind.unit
        q, y = p.prose_period or (m.quarter, m.year)
        per = self.period_long(q, y, rng=self.rng("narr-per", ind.code))
        per_bare = self.period_long(q, y, rng=self.rng("narr-per", ind.code), bare=True)
        name = self.name_in_sentence(ind)
        Name = ind.name
        Tv = self.value(ind, T, unit, where="prose")
        Rv = self.value(ind, R, unit, where="prose")
        cap_val = p.prose_capaian if p.prose_capaian is not None else self.printed_cap(ind)
        C = fmt_pct(cap_val, st, english=eng and not float(cap_val).is_integer()) \
            if cap_val is not None else None
        status = status_of(ind)
        qty = "sebanyak" if ind.kind in ("count", "neg_count") else "sebesar"
        sentences: list[str] = []
        if C is None and status == "not-measured":
            sentences.append(rng.choice([
                f"Target {name} {per} adalah {Tv} dan realisasinya {Rv}.",
                f"Pada {per_bare}, indikator ini memiliki target {Tv} dengan realisasi {Rv}."]))
            note = ind.measure_note or "diukur pada akhir tahun"
            pool = L.NOT_MEASURED if ind.kind == "score_year" else \
                [t for t in L.NOT_MEASURED if "triwulan IV" not in t]
            sentences.append(rng.choice(pool).format(note=note)
                             .replace("pada triwulan IV", f"pada triwulan {self.q(4)}"))
        elif C is None:  # above-zero: realised against a zero target
            cls = p.prose_verdict or "over"
            v = self.verdict_phrase(ind, cls, rng)
            sentences.append(rng.choice([
                (f"{Name} {per} terealisasi {qty} {Rv}, sementara target pada periode ini "
                f"{Tv}. Realisasi tersebut {v}, namun persentase capaian tidak dapat dihitung "
                f"karena targetnya nol."),
                (f"Walaupun target {per_bare} adalah {Tv}, realisasi {name} mencapai {Rv} "
                f"sehingga {v}; capaian dalam persen tidak dihitung.")]))
        else:
            cls = p.prose_verdict or self.verdict_class(ind)
            v = self.verdict_phrase(ind, cls, rng)
            if ind.polarity == "negative":
                tmpl = rng.randrange(3)
                if tmpl == 0:
                    s = (f"{Name} {per} tercatat {Rv} dengan target {Tv}. Realisasi tersebut {v}, "
                         f"sehingga capaian kinerja dengan rumus indikator negatif adalah {C}.")
                elif tmpl == 1:
                    s = (f"Realisasi {name} {per} {qty} {Rv}, {v} yang ditetapkan {qty} {Tv}; "
                         f"capaian indikator ini {C}.")
                else:
                    s = (f"Indikator ini bersifat negatif (semakin kecil semakin baik). Dengan "
                         f"target {Tv} dan realisasi {Rv} {per}, realisasi {v} dan capaiannya "
                         f"{C}.")
            else:
                tmpl = rng.randrange(5)
                if tmpl == 0:
                    s = (f"{Name} {per} terealisasi {qty} {Rv} dari target {Tv}, sehingga "
                         f"capaian kinerja sebesar {C}. Capaian tersebut {v}.")
                elif tmpl == 1:
                    s = (f"Pada {per_bare} ditargetkan {name} {qty} {Tv} dan realisasinya "
                         f"mencapai {Rv} atau {C} dari target; dengan demikian indikator ini "
                         f"{v}.")
                elif tmpl == 2:
                    s = (f"Realisasi {name} {per} {qty} {Rv}. Dibandingkan dengan target "
                         f"{qty} {Tv}, capaian indikator ini adalah {C} atau {v}.")
                elif tmpl == 3:
                    s = (f"Target indikator ini {per} adalah {Tv}, sedangkan realisasinya {Rv} "
                         f"({C}). Dengan capaian tersebut, kinerja indikator ini {v}.")
                else:
                    s = (f"Capaian {name} {per} mencapai {C}, yaitu realisasi {Rv} terhadap "
                         f"target {Tv}; capaian ini {v}.")
            sentences.append(s)
            c_true = ind.capaian
            if ind.explanation and not p.drop_explanation:
                sentences.append(ind.explanation)
            elif c_true is not None and c_true < 100 and ind.cause:
                sentences += [ind.cause, ind.remedy or ""]
            elif c_true is not None and 100 <= c_true <= 120 and ind.success \
                    and not p.drop_explanation:
                sentences.append(ind.success)
        if m.kind == "annual" and ind.realisasi_prev_year is not None:
            prev = ind.realisasi_prev_year
            pv = self.value(ind, prev, unit, where="prose")
            if prev < ind.realisasi:
                d = "meningkat"
            elif prev > ind.realisasi:
                d = "menurun"
            else:
                d = "sama"
            sentences.append(rng.choice([
                (f"Dibandingkan dengan realisasi tahun {m.year - 1} sebesar {pv}, realisasi "
                f"tahun {m.year} {d if d != 'sama' else 'tidak berubah'}."),
                (f"Realisasi ini {d if d != 'sama' else 'sama'} "
                f"{'dibandingkan' if d != 'sama' else 'dengan'} tahun {m.year - 1} yang "
                f"{'sebesar' if qty == 'sebesar' else 'sebanyak'} {pv}.")]))
            if ind.renstra_target is not None and rng.random() < 0.6:
                rv = self.value(ind, ind.renstra_target, unit, where="prose")
                sentences.append(f"Adapun target akhir Renstra periode {m.renstra_period} untuk "
                                 f"indikator ini adalah {rv}.")
        return " ".join(s for s in sentences if s)

    def analysis(self):
        m, st, r = self.m, self.st, self.r
        b = self.blocks
        aq, ay = r.printed.analysis_period or (m.quarter, m.year)
        if m.kind == "annual":
            per = f"tahun {ay}"
        else:
            per = f"triwulan {self.q(aq)} tahun {ay}"
        rng = self.rng("analysis-intro")
        b.append(Para(rng.choice([
            (f"Berdasarkan hasil pengukuran kinerja terhadap target {per}, analisis capaian per "
            f"indikator adalah sebagai berikut:"),
            (f"Analisis atas capaian kinerja {per} untuk setiap indikator diuraikan sebagai "
            f"berikut:"),
            (f"Mengacu pada capaian kinerja terhadap target {per}, analisis per indikator "
            f"disajikan berikut ini:")]), "analysis-intro"))
        nums = r.printed.analysis_numbers or list(range(1, len(r.indicators) + 1))
        items = []
        for n, ind in zip(nums, r.indicators):
            items.append((st.analysis_label.format(n=n), self.analysis_item(ind)))
        b.append(Items(items, "analysis"))

    def period_target(self, rng) -> str:
        m = self.m
        if m.kind == "annual":
            return f"target tahun {m.year}"
        return rng.choice([f"target triwulan {self.q()}", f"target TW {self.q()}"])

    def analysis_item(self, ind: Indicator) -> str:
        rng = self.rng("analysis", ind.code)
        ref = self.label(ind, ref=True) + " " if ind.label else ""
        status = status_of(ind)
        C = self.cap_text(ind) if self.printed_cap(ind) is not None else None
        Tv = self.value(ind, ind.target, where="prose")
        Rv = self.value(ind, ind.realisasi, where="prose")
        pt = self.period_target(rng)
        if C is None and status == "not-measured":
            return (f"{ref}{ind.name} belum diukur pada periode ini karena "
                    f"{ind.measure_note or 'diukur pada akhir tahun'}.")
        if C is None:
            return (f"{ref}{ind.name} memiliki realisasi {Rv}, sedangkan {pt} adalah {Tv}; "
                    f"realisasi melebihi target dan capaian dalam persen tidak dihitung.")
        cls = self.verdict_class(ind)
        v = self.verdict_phrase(ind, cls, rng)
        if ind.polarity == "negative":
            return (f"{ref}{ind.name} memiliki realisasi {Rv}, {v} yang ditetapkan yaitu {Tv}, "
                    f"sehingga capaian kinerjanya {C}.")
        return rng.choice([
            (f"{ref}{ind.name} memiliki realisasi {Rv} dengan capaian {C}; hal ini menunjukkan "
            f"bahwa kinerja indikator ini {v} ({pt} sebesar {Tv})."),
            (f"{ref}{ind.name} terealisasi {Rv} terhadap {pt} sebesar {Tv} atau capaian {C}, "
            f"sehingga {v}.")])

    # ---- budget
    def budget(self):
        m, st, r = self.m, self.st, self.r
        b = self.blocks
        rng = self.rng("budget")
        rp = st.rupiah_prefix
        total_pagu = sum(x.pagu for x in r.budget)
        total_real = sum(x.realisasi for x in r.budget)
        pct = round_half_up(total_real / total_pagu * 100, 2)
        per = f"tahun {m.year}" if m.kind == "annual" else \
            f"sampai dengan triwulan {self.q()} tahun {m.year}"
        eng = st.english_prose and rng.random() < 0.5
        b.append(Para(
            f"Untuk mendukung pencapaian sasaran, {m.agency_short} memperoleh pagu anggaran "
            f"sebesar {rp}{fmt_rp(total_pagu, eng)} dengan realisasi {per} sebesar "
            f"{rp}{fmt_rp(total_real, eng)} atau {fmt_pct(pct, st)} dari pagu. Rincian realisasi "
            f"anggaran disajikan pada tabel berikut:"))
        header = ["No", rng.choice(["Program/Kegiatan", "Uraian", "Program / Kegiatan"]),
                  "Pagu (Rp)", "Realisasi (Rp)", rng.choice(["%", "Persentase", "Capaian (%)"])]
        rows = []
        for i, row in enumerate(r.budget):
            pct_row = r.printed.budget_row_pct.get(i, row.pct)
            rows.append([str(i + 1), row.name, fmt_rp(row.pagu), fmt_rp(row.realisasi),
                         fmt_num(pct_row, 2)])
        shown_total = r.printed.budget_total_realisasi or total_real
        rows.append(["", rng.choice(["Jumlah", "Total", "JUMLAH"]), fmt_rp(total_pagu),
                     fmt_rp(shown_total), fmt_num(pct, 2)])
        cap = None
        if st.table_seq:
            self.table_no += 1
            cap = f"Tabel {self.table_no}. Realisasi Anggaran {m.agency_short}"
        b.append(Table(header, rows, "budget", cap, name_col=1))

    # ---- Bab IV
    def bab4(self, n: int):
        m, st, r = self.m, self.st, self.r
        omit = set(r.printed.omit_parts)
        b = self.blocks
        rng = self.rng("bab4")
        self.bab_heading(n, "Penutup", "bab4")
        sub = 0
        if "kesimpulan" not in omit:
            sub += 1
            self.sub(n, sub, "Kesimpulan", "kesimpulan")
            when = f"tahun {m.year}" if m.kind == "annual" else \
                f"triwulan {self.q()} tahun {m.year}"
            b.append(Para(rng.choice([
                (f"Berdasarkan uraian pada bab sebelumnya, capaian kinerja {m.agency_short} {when} "
                f"dapat disimpulkan sebagai berikut:"),
                (f"Dari hasil pengukuran dan analisis capaian kinerja {when}, dapat ditarik "
                f"kesimpulan sebagai berikut:")])))
            items = []
            for i, ind in enumerate(r.indicators):
                if not st.concl_per_indicator and status_of(ind) == "achieved" and i > 1:
                    continue
                items.append(self.conclusion_item(ind))
            lab = (lambda i: f"{i + 1}.") if st.concl_bullet == "numbered" else \
                (lambda i: st.concl_bullet)
            b.append(Items([(lab(i), t) for i, t in enumerate(items)], "kesimpulan"))
        if "rekomendasi" not in omit:
            sub += 1
            title = rng.choice(["Rekomendasi", "Rencana Tindak Lanjut", "Saran dan Rekomendasi"])
            self.sub(n, sub, title, "rekomendasi")
            b.append(Para(rng.choice([
                ("Untuk meningkatkan capaian kinerja pada periode berikutnya, langkah yang akan "
                "ditempuh adalah:"),
                ("Memperhatikan kendala yang dihadapi, direkomendasikan hal-hal sebagai "
                "berikut:")])))
            nums = r.printed.recommendation_numbers or list(range(1, len(r.recommendations) + 1))
            items = [(st.rec_label.format(n=k), t + (";" if i < len(nums) - 1 else "."))
                     for i, (k, t) in enumerate(zip(nums, r.recommendations))]
            b.append(Items(items, "rekomendasi"))
        b.append(Para(rng.choice([
            (f"Demikian {self.report_title()} ini disusun sebagai bahan evaluasi dan "
            f"pertanggungjawaban kinerja."),
            "Semoga laporan ini bermanfaat bagi perbaikan kinerja pada periode berikutnya."])))
        if not r.has_kata_pengantar:
            b.append(self.signature())

    def conclusion_item(self, ind: Indicator) -> str:
        rng = self.rng("concl", ind.code)
        status = status_of(ind)
        if self.printed_cap(ind) is None:
            if status == "not-measured":
                return f"{ind.name} belum dapat diukur pada periode ini."
            return f"{ind.name} terealisasi {self.value(ind, ind.realisasi, where='prose')} " \
                   f"melebihi target periode ini yang bernilai nol."
        C = self.cap_text(ind)
        cls = self.verdict_class(ind)
        if ind.polarity == "negative":
            word = {"over": "realisasi lebih rendah dari target, kinerja baik",
                    "under": "realisasi melebihi target, perlu perbaikan",
                    "equal": "realisasi sama dengan target"}[cls]
        else:
            word = {"over": "melampaui target", "under": "belum mencapai target",
                    "equal": "sesuai dengan target"}[cls]
        return rng.choice([f"{ind.name} dengan capaian {C} ({word}).",
                           f"{ind.name} memperoleh capaian {C}, {word}."])

    # ---- Lampiran
    def lampiran(self):
        m, st, r = self.m, self.st, self.r
        b = self.blocks
        b.append(Heading(self.hdr("Lampiran"), 1, "lampiran"))
        b.append(Para(f"Perjanjian Kinerja Tahun {m.year} {m.agency}", "lampiran-title"))
        header = ["No", "Sasaran", "Indikator Kinerja", "Satuan", f"Target {m.year}"]
        rows, last = [], None
        for ind in r.indicators:
            s = r.sasaran[ind.sasaran - 1]
            first = s.number != last
            last = s.number
            rows.append([str(s.number) if first else "", s.name if first else "", ind.name,
                         self.unit_word(ind),
                         fmt_num(ind.target_annual, ind.decimals, trim=st.value_trim)])
        b.append(Table(header, rows, "pk", None, name_col=2, group_col=1))


def compose(report: Report) -> tuple[list, Style]:
    c = Composer(report)
    return c.compose(), c.st
