"""Word pools for the synthetic corpus: fictional agencies and places, indicator templates,
and the phrases the reports are written with.  Everything here is invented; no real unit,
person or report is reproduced.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- places and people
PLACE_PREFIX = ["Tanjung", "Sungai", "Bukit", "Teluk", "Muara", "Padang", "Lembah", "Kuala",
                "Pulau", "Batu", "Air", "Tebing", "Rawa", "Labuhan", "Sawah"]
PLACE_ROOT = ["Seruni", "Belantik", "Kemuning", "Rangkas Jaya", "Sangkala", "Meranti Hulu",
              "Pandan Wangi", "Limau Manis", "Sirih Gading", "Kenari", "Tembesu", "Cempaka Raya",
              "Jelutung", "Gelam Sari", "Rambai", "Nipah Kuning", "Bintaro Hilir", "Lebak Asri",
              "Keladi", "Kayu Ara", "Sembilang", "Pinang Merah", "Rotan Tinggi", "Gading Mas"]
PROVINCES = ["Nusa Laras", "Sundara Timur", "Kalindra Utara", "Swarna Barat", "Mandala Selatan",
             "Bentala Tengah", "Jayadipa", "Tirta Amerta", "Kencana Raya", "Sagara Timur"]
PROVINCE_CAPITAL = {
    "Nusa Laras": "Larasati",
    "Sundara Timur": "Pranaja",
    "Kalindra Utara": "Batu Kalindra",
    "Swarna Barat": "Swarnapura",
    "Mandala Selatan": "Kota Mandala",
    "Bentala Tengah": "Bentala",
    "Jayadipa": "Dipanagara",
    "Tirta Amerta": "Amerta",
    "Kencana Raya": "Kencanapura",
    "Sagara Timur": "Sagarapura",
}

GIVEN = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hendra", "Indah", "Joko",
         "Kartika", "Lestari", "Made", "Nurul", "Oktaviani", "Putu", "Rahmat", "Sri", "Teguh",
         "Wahyu", "Yuliana", "Zainal", "Agus", "Bambang", "Rina", "Siti", "Dimas", "Ratna",
         "Yohanes", "Maria", "Hasan", "Novita", "Irwan", "Lukas", "Andi", "Kadek"]
FAMILY = ["Santoso", "Wibowo", "Pratama", "Lubis", "Siregar", "Nugroho", "Hidayat", "Saputra",
          "Rahayu", "Kusuma", "Sihombing", "Wulandari", "Harahap", "Setiawan", "Permana",
          "Manurung", "Situmorang", "Suryadi", "Purnomo", "Ramadhan", "Tanjung", "Pardede",
          "Simanjuntak", "Firmansyah", "Halim", "Maulana", "Puspitasari", "Gunawan"]
DEGREES = ["S.Si., M.Si.", "S.E., M.M.", "S.H., M.H.", "S.T., M.T.", "S.Sos., M.AP.",
           "S.P., M.Sc.", "S.Kom., M.Kom.", "Ir.", "S.Pt., M.P.", "S.Hut., M.Si.", "Dr.",
           "S.I.P., M.A.P.", "S.Pd., M.Pd."]

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}

# --------------------------------------------------------------------------- indicator templates
# kind: count | percent | progress | score_year | score_sem | time | neg_count | neg_percent
# lo/hi: range of the annual target; dec: decimals used for realisasi values.


def ind(name, unit, kind, lo, hi, dec=0, short=None):
    polarity = "negative" if kind in ("time", "neg_count", "neg_percent") else "positive"
    agg = {"count": "sum", "percent": "ratio", "progress": "last", "score_year": "last",
           "score_sem": "last", "time": "last", "neg_count": "sum", "neg_percent": "last"}[kind]
    return {"name": name, "unit": unit, "kind": kind, "lo": lo, "hi": hi, "dec": dec,
            "polarity": polarity, "aggregation": agg, "short": short}


DOMAINS = [
    {
        "id": "uji-mutu",
        "names": [("Balai", "Balai Pengujian dan Sertifikasi Mutu Barang {place}", "BPSMB {abbr}")],
        "parent": "Direktorat Jenderal Standardisasi dan Perlindungan Konsumen",
        "tugas": "melaksanakan pengujian, sertifikasi dan pengawasan mutu barang di "
                 "wilayah kerjanya",
        "fungsi": ["penyusunan rencana, program, anggaran, evaluasi dan pelaporan",
                   "pelaksanaan pengujian mutu barang dan bahan",
                   "pelaksanaan sertifikasi produk dan sistem mutu",
                   "pelaksanaan kalibrasi peralatan laboratorium",
                   "pengelolaan sistem informasi hasil uji",
                   "pelaksanaan urusan tata usaha dan rumah tangga"],
        "isu": ["meningkatnya permintaan pengujian dari pelaku usaha kecil dan menengah",
                "keterbatasan peralatan uji yang telah terkalibrasi",
                "tuntutan percepatan waktu layanan pengujian"],
        "sasaran": ["Meningkatnya mutu layanan pengujian dan sertifikasi barang",
                    "Terwujudnya perlindungan konsumen melalui pengawasan mutu barang beredar"],
        "indicators": [
            ind("Jumlah sertifikat hasil uji yang diterbitkan", "sertifikat", "count", 600, 2400),
            ind("Jumlah sampel barang yang diuji sesuai standar", "sampel", "count", 800, 3200),
            ind("Persentase hasil uji yang diterbitkan tepat waktu", "persen", "percent",
                85, 95, 2),
            ind("Waktu rata-rata penyelesaian pengujian sampel", "hari", "time", 5, 10, 1),
            ind("Jumlah ruang lingkup pengujian yang terakreditasi", "jenis", "count", 4, 12),
            ind("Jumlah laporan pengawasan mutu barang beredar", "laporan", "count", 4, 12),
        ],
        "programs": ["Program Standardisasi dan Pengendalian Mutu",
                     "Kegiatan Pengujian dan Sertifikasi Mutu Barang"],
    },
    {
        "id": "perpustakaan",
        "names": [("Dinas", "Dinas Perpustakaan dan Kearsipan Kabupaten {place}",
                   "Dispusip {abbr}")],
        "parent": "Pemerintah Kabupaten {place}",
        "tugas": "melaksanakan urusan pemerintahan bidang perpustakaan dan kearsipan yang menjadi "
                 "kewenangan daerah",
        "fungsi": ["perumusan kebijakan teknis bidang perpustakaan dan kearsipan",
                   "pelaksanaan pembinaan perpustakaan desa dan sekolah",
                   "pengelolaan arsip statis dan arsip dinamis inaktif",
                   "pelaksanaan pembudayaan kegemaran membaca",
                   "pelaksanaan administrasi dinas"],
        "isu": ["rendahnya tingkat kegemaran membaca masyarakat di perdesaan",
                "belum optimalnya penataan arsip pada perangkat daerah",
                "keterbatasan koleksi bahan pustaka digital"],
        "sasaran": ["Meningkatnya budaya gemar membaca masyarakat",
                    "Meningkatnya kualitas pengelolaan arsip daerah"],
        "indicators": [
            ind("Jumlah kunjungan ke perpustakaan daerah", "orang", "count", 6000, 24000),
            ind("Jumlah koleksi bahan pustaka yang diolah", "eksemplar", "count", 900, 4000),
            ind("Persentase perangkat daerah yang arsipnya tertata sesuai kaidah", "persen",
                "percent", 60, 90, 2),
            ind("Jumlah kegiatan pembinaan literasi masyarakat", "kegiatan", "count", 8, 24),
            ind("Nilai Tingkat Kegemaran Membaca masyarakat", "nilai", "score_year", 55, 70, 2),
            ind("Jumlah perpustakaan desa yang dibina", "unit", "count", 10, 40),
        ],
        "programs": ["Program Pembinaan Perpustakaan", "Program Pengelolaan Arsip"],
    },
    {
        "id": "pendapatan",
        "names": [("Badan", "Badan Pendapatan Daerah Kota {place}", "Bapenda {abbr}")],
        "parent": "Pemerintah Kota {place}",
        "tugas": "melaksanakan fungsi penunjang urusan pemerintahan bidang keuangan sub-urusan "
                 "pendapatan daerah",
        "fungsi": ["penyusunan kebijakan teknis pengelolaan pendapatan daerah",
                   "pelaksanaan pendataan, penetapan dan penagihan pajak daerah",
                   "pelaksanaan pelayanan dan penyuluhan kepada wajib pajak",
                   "pelaksanaan evaluasi dan pelaporan pendapatan daerah"],
        "isu": ["belum mutakhirnya basis data objek pajak daerah",
                "masih tingginya tunggakan pajak bumi dan bangunan",
                "belum meratanya pemanfaatan layanan pajak daring"],
        "sasaran": ["Meningkatnya pendapatan asli daerah",
                    "Meningkatnya kualitas pelayanan perpajakan daerah"],
        "indicators": [
            ind("Persentase realisasi pendapatan asli daerah terhadap target", "persen",
                "progress", 100, 100, 2),
            ind("Jumlah wajib pajak baru yang terdaftar", "wajib pajak", "count", 400, 1600),
            ind("Waktu rata-rata penerbitan surat ketetapan pajak", "hari", "time", 3, 7, 1),
            ind("Persentase tunggakan pajak yang tertagih", "persen", "percent", 30, 60, 2),
            ind("Jumlah kegiatan sosialisasi pajak daerah", "kegiatan", "count", 8, 20),
            ind("Jumlah pengaduan wajib pajak yang berulang", "pengaduan", "neg_count", 8, 20),
        ],
        "programs": ["Program Pengelolaan Pendapatan Daerah",
                     "Program Penunjang Urusan Pemerintahan Daerah"],
    },
    {
        "id": "hukum",
        "names": [("Biro", "Biro Hukum Sekretariat Daerah Provinsi {prov}", "Biro Hukum")],
        "parent": "Sekretariat Daerah Provinsi {prov}",
        "tugas": "menyiapkan perumusan kebijakan, koordinasi dan pembinaan di bidang peraturan "
                 "perundang-undangan, bantuan hukum serta dokumentasi hukum",
        "fungsi": ["penyiapan bahan perumusan produk hukum daerah",
                   "pelaksanaan fasilitasi rancangan peraturan daerah kabupaten/kota",
                   "pelaksanaan bantuan hukum dan penanganan perkara",
                   "pengelolaan jaringan dokumentasi dan informasi hukum"],
        "isu": ["meningkatnya jumlah perkara yang melibatkan pemerintah daerah",
                "harmonisasi produk hukum daerah dengan peraturan yang lebih tinggi",
                "belum lengkapnya dokumentasi produk hukum dalam jaringan"],
        "sasaran": ["Meningkatnya kualitas produk hukum daerah",
                    "Meningkatnya kepastian hukum dalam penyelenggaraan pemerintahan daerah"],
        "indicators": [
            ind("Jumlah rancangan peraturan daerah yang difasilitasi", "dokumen", "count", 6, 20),
            ind("Jumlah produk hukum daerah yang dipublikasikan dalam JDIH", "dokumen", "count",
                40, 160),
            ind("Persentase perkara yang diselesaikan dengan putusan berkekuatan hukum tetap",
                "persen", "percent", 60, 85, 2),
            ind("Jumlah rekomendasi hasil kajian hukum", "rekomendasi", "count", 4, 12),
            ind("Jumlah kegiatan penyuluhan hukum kepada masyarakat", "kegiatan", "count", 8, 24),
            ind("Waktu rata-rata harmonisasi rancangan produk hukum", "hari", "time", 10, 20, 1),
        ],
        "programs": ["Program Penunjang Urusan Pemerintahan Daerah",
                     "Kegiatan Fasilitasi dan Koordinasi Hukum"],
    },
    {
        "id": "vokasi",
        "names": [("Balai", "Balai Pelatihan Vokasi dan Produktivitas {place}", "BPVP {abbr}")],
        "parent": "Direktorat Jenderal Pembinaan Pelatihan Vokasi",
        "tugas": "melaksanakan pelatihan vokasi, sertifikasi kompetensi, pemagangan serta "
                 "peningkatan produktivitas tenaga kerja",
        "fungsi": ["penyusunan rencana dan program pelatihan vokasi",
                   "pelaksanaan pelatihan berbasis kompetensi",
                   "pelaksanaan uji kompetensi dan sertifikasi",
                   "pelaksanaan pengembangan kemitraan dengan industri",
                   "pelaksanaan urusan tata usaha"],
        "isu": ["kesenjangan kompetensi lulusan dengan kebutuhan industri",
                "keterbatasan instruktur bersertifikat pada kejuruan baru",
                "perlunya penguatan kemitraan dengan dunia usaha"],
        "sasaran": ["Meningkatnya kompetensi dan daya saing tenaga kerja",
                    "Meningkatnya penempatan lulusan pelatihan"],
        "indicators": [
            ind("Jumlah peserta pelatihan berbasis kompetensi", "orang", "count", 400, 1600),
            ind("Persentase lulusan pelatihan yang tersertifikasi kompetensi", "persen",
                "percent", 70, 90, 2),
            ind("Persentase lulusan pelatihan yang bekerja atau berwirausaha", "persen",
                "percent", 55, 75, 2),
            ind("Jumlah program pelatihan yang terakreditasi", "program", "count", 6, 18),
            ind("Jumlah instruktur yang ditingkatkan kompetensinya", "orang", "count", 10, 40),
            ind("Jumlah perjanjian kerja sama dengan industri", "dokumen", "count", 4, 12),
        ],
        "programs": ["Program Pelatihan Vokasi dan Produktivitas", "Program Dukungan Manajemen"],
    },
    {
        "id": "konservasi",
        "names": [("Loka", "Loka Konservasi Sumber Daya Alam {place}", "LKSDA {abbr}"),
                  ("Balai", "Balai Pengelolaan Daerah Aliran Sungai {place}", "BPDAS {abbr}")],
        "parent": "Direktorat Jenderal Konservasi dan Rehabilitasi Lahan",
        "tugas": "melaksanakan pengelolaan kawasan konservasi, rehabilitasi lahan dan "
                 "pemberdayaan masyarakat di sekitar kawasan",
        "fungsi": ["penyusunan rencana pengelolaan kawasan",
                   "pelaksanaan perlindungan dan pengamanan kawasan",
                   "pelaksanaan rehabilitasi lahan kritis",
                   "pelaksanaan pemberdayaan masyarakat sekitar kawasan",
                   "pelaksanaan urusan tata usaha dan rumah tangga"],
        "isu": ["tekanan terhadap kawasan akibat perambahan",
                "kerawanan kebakaran hutan dan lahan pada musim kemarau",
                "keterbatasan personel pengamanan kawasan"],
        "sasaran": ["Terjaganya keutuhan kawasan konservasi",
                    "Meningkatnya kualitas tutupan lahan dan peran serta masyarakat"],
        "indicators": [
            ind("Luas lahan kritis yang direhabilitasi", "hektare", "count", 200, 900),
            ind("Jumlah kegiatan patroli pengamanan kawasan", "kegiatan", "count", 24, 72),
            ind("Jumlah kasus gangguan kawasan yang ditangani", "kasus", "count", 6, 20),
            ind("Jumlah kelompok masyarakat sekitar kawasan yang dibina", "kelompok", "count",
                6, 24),
            ind("Jumlah titik panas di dalam kawasan", "titik", "neg_count", 20, 60),
            ind("Persentase bibit yang tumbuh pada lokasi rehabilitasi", "persen", "percent",
                70, 85, 2),
        ],
        "programs": ["Program Konservasi Sumber Daya Alam dan Ekosistem",
                     "Program Dukungan Manajemen"],
    },
    {
        "id": "perizinan",
        "names": [("Kantor", "Kantor Pelayanan Perizinan Terpadu Kabupaten {place}", "KPPT {abbr}"),
                  ("Dinas", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota {place}",
                   "DPMPTSP {abbr}")],
        "parent": "Pemerintah Kabupaten {place}",
        "tugas": "menyelenggarakan pelayanan perizinan dan nonperizinan secara terpadu",
        "fungsi": ["perumusan kebijakan teknis pelayanan perizinan",
                   "penyelenggaraan pelayanan perizinan dan nonperizinan",
                   "pelaksanaan pengawasan dan pengendalian perizinan",
                   "pengelolaan pengaduan dan informasi layanan"],
        "isu": ["tuntutan percepatan layanan perizinan berusaha berbasis risiko",
                "belum terintegrasinya seluruh jenis layanan dalam sistem daring",
                "masih adanya pengaduan terkait kejelasan persyaratan"],
        "sasaran": ["Meningkatnya kualitas pelayanan perizinan",
                    "Meningkatnya iklim investasi daerah"],
        "indicators": [
            ind("Jumlah izin dan nonizin yang diterbitkan", "dokumen", "count", 1500, 6000),
            ind("Waktu rata-rata penyelesaian layanan perizinan", "hari", "time", 3, 8, 1),
            ind("Persentase pengaduan layanan yang ditindaklanjuti", "persen", "percent",
                85, 100, 2),
            ind("Jumlah kegiatan promosi investasi", "kegiatan", "count", 4, 12),
            ind("Persentase jenis layanan perizinan yang terintegrasi secara daring", "persen",
                "percent", 70, 95, 2),
            ind("Jumlah laporan pengawasan pelaksanaan perizinan", "laporan", "count", 4, 12),
        ],
        "programs": ["Program Pelayanan Penanaman Modal",
                     "Program Pengendalian Pelaksanaan Penanaman Modal"],
    },
    {
        "id": "riset",
        "names": [("Badan", "Badan Riset dan Inovasi Daerah Kabupaten {place}", "Brida {abbr}"),
                  ("Balai", "Balai Riset dan Standardisasi Industri {place}", "Baristand {abbr}")],
        "parent": "Pemerintah Kabupaten {place}",
        "tugas": "melaksanakan penelitian, pengembangan, pengkajian dan penerapan inovasi",
        "fungsi": ["penyusunan agenda riset daerah",
                   "pelaksanaan penelitian dan pengkajian kebijakan",
                   "pelaksanaan fasilitasi dan diseminasi inovasi",
                   "pengelolaan data dan publikasi hasil riset"],
        "isu": ["rendahnya pemanfaatan hasil riset oleh perangkat daerah",
                "keterbatasan tenaga peneliti fungsional",
                "perlunya penguatan ekosistem inovasi daerah"],
        "sasaran": ["Meningkatnya pemanfaatan hasil riset dan inovasi",
                    "Meningkatnya kualitas kebijakan berbasis bukti"],
        "indicators": [
            ind("Jumlah publikasi hasil penelitian", "publikasi", "count", 6, 20),
            ind("Jumlah rekomendasi kebijakan yang disampaikan kepada pimpinan daerah",
                "rekomendasi", "count", 4, 12),
            ind("Jumlah hasil penelitian yang dimanfaatkan perangkat daerah", "dokumen",
                "count", 4, 12),
            ind("Jumlah inovasi daerah yang terdaftar", "inovasi", "count", 20, 60),
            ind("Persentase kegiatan penelitian yang selesai tepat waktu", "persen", "percent",
                80, 95, 2),
            ind("Nilai Indeks Inovasi Daerah", "indeks", "score_year", 40, 60, 2),
        ],
        "programs": ["Program Riset dan Inovasi Daerah", "Program Penunjang Urusan Pemerintahan"],
    },
    {
        "id": "lingkungan",
        "names": [("Dinas", "Dinas Lingkungan Hidup Kota {place}", "DLH {abbr}")],
        "parent": "Pemerintah Kota {place}",
        "tugas": "melaksanakan urusan pemerintahan bidang lingkungan hidup",
        "fungsi": ["perumusan kebijakan pengendalian pencemaran lingkungan",
                   "pelaksanaan pengelolaan sampah dan limbah",
                   "pelaksanaan pengawasan ketaatan usaha terhadap izin lingkungan",
                   "penanganan pengaduan masyarakat terkait lingkungan"],
        "isu": ["meningkatnya timbulan sampah rumah tangga",
                "penurunan kualitas air sungai di kawasan padat penduduk",
                "rendahnya ketaatan usaha skala kecil terhadap dokumen lingkungan"],
        "sasaran": ["Meningkatnya kualitas lingkungan hidup",
                    "Meningkatnya pengelolaan sampah dan limbah"],
        "indicators": [
            ind("Persentase sampah rumah tangga yang tertangani", "persen", "percent", 70, 90, 2),
            ind("Indeks Kualitas Air", "indeks", "score_year", 50, 65, 2),
            ind("Jumlah usaha dan/atau kegiatan yang diawasi ketaatannya", "usaha", "count",
                24, 80),
            ind("Jumlah pengaduan lingkungan yang diselesaikan", "kasus", "count", 12, 40),
            ind("Waktu rata-rata penanganan pengaduan lingkungan", "hari", "time", 5, 14, 1),
            ind("Jumlah bank sampah yang aktif", "unit", "count", 20, 60),
        ],
        "programs": ["Program Pengelolaan Persampahan",
                     "Program Pengendalian Pencemaran dan Kerusakan Lingkungan Hidup"],
    },
    {
        "id": "kepegawaian",
        "names": [("Badan",
                   "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten {place}",
                   "BKPSDM {abbr}")],
        "parent": "Pemerintah Kabupaten {place}",
        "tugas": "melaksanakan fungsi penunjang urusan pemerintahan bidang kepegawaian serta "
                 "pendidikan dan pelatihan",
        "fungsi": ["perencanaan kebutuhan dan pengadaan aparatur",
                   "pengelolaan mutasi dan promosi aparatur",
                   "pelaksanaan pengembangan kompetensi aparatur",
                   "pengelolaan data dan sistem informasi kepegawaian"],
        "isu": ["belum meratanya kesempatan pengembangan kompetensi aparatur",
                "keterlambatan pemutakhiran data kepegawaian",
                "penerapan sistem merit dalam manajemen aparatur"],
        "sasaran": ["Meningkatnya profesionalitas aparatur",
                    "Meningkatnya kualitas layanan administrasi kepegawaian"],
        "indicators": [
            ind("Persentase aparatur yang mengikuti pengembangan kompetensi minimal 20 jam "
                "pelajaran", "persen", "percent", 60, 85, 2),
            ind("Jumlah aparatur yang mengikuti uji kompetensi", "orang", "count", 100, 400),
            ind("Waktu rata-rata penyelesaian usulan kenaikan pangkat", "hari", "time", 7, 14, 1),
            ind("Persentase data kepegawaian yang mutakhir", "persen", "percent", 85, 98, 2),
            ind("Nilai Indeks Profesionalitas Aparatur", "indeks", "score_year", 60, 80, 2),
            ind("Jumlah kegiatan pelatihan teknis yang diselenggarakan", "kegiatan", "count",
                6, 20),
        ],
        "programs": ["Program Kepegawaian Daerah", "Program Pengembangan Sumber Daya Manusia"],
    },
]

MANAGEMENT_SASARAN = [
    "Terwujudnya tata kelola keuangan yang akuntabel",
    "Meningkatnya kualitas pelayanan publik",
    "Terwujudnya birokrasi yang efektif, efisien dan akuntabel",
    "Terwujudnya tata kelola perencanaan, penganggaran serta monitoring dan evaluasi yang baik",
]

MANAGEMENT = {
    "ikm": ind("Nilai Indeks Kepuasan Masyarakat (IKM)", "nilai", "score_sem", 80, 88, 2),
    "nka": ind("Nilai Kinerja Anggaran", "nilai", "score_year", 80, 92, 2),
    "akip": ind("Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", "nilai", "score_year",
                65, 80, 2),
    "serap": ind("Persentase realisasi anggaran", "persen", "progress", 95, 98, 2),
    "berulang": ind("Jumlah temuan pemeriksaan yang berulang", "temuan", "neg_count", 4, 8),
    "deviasi": ind("Persentase deviasi realisasi anggaran terhadap rencana penarikan dana",
                   "persen", "neg_percent", 5, 10, 2),
    "tl": ind("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", "persen",
              "percent", 85, 100, 2),
    "lapkeu": ind("Jumlah laporan keuangan dan laporan kinerja yang disusun tepat waktu",
                  "laporan", "count", 6, 12),
    "renc": ind("Jumlah dokumen perencanaan dan penganggaran yang disusun", "dokumen", "count",
                3, 6),
    "publik": ind("Jumlah publikasi informasi layanan kepada masyarakat", "publikasi", "count",
                  24, 60),
}

# A score reported per quarter is not what these are; their TW I-III targets are 0.
YEAR_END_NOTE = {
    "nka": "dinilai melalui aplikasi SMART setelah tahun anggaran berakhir",
    "akip": "ditetapkan setelah evaluasi SAKIP oleh evaluator pada akhir tahun",
    "score_year": "diukur satu kali pada akhir tahun",
    "ikm": "diukur melalui survei setiap semester",
}

# --------------------------------------------------------------------------- prose pools
EXPLAIN_HIGH = [  # explanations for capaian > 120 %
    ("Tingginya capaian disebabkan oleh meningkatnya permintaan layanan dari masyarakat dan "
    "pelaku usaha yang tidak terprediksi pada saat penyusunan rencana aksi."),
    ("Capaian yang jauh melampaui target terjadi karena target triwulan ditetapkan terlalu rendah "
    "sehingga perlu direviu pada revisi Perjanjian Kinerja berikutnya."),
    ("Lonjakan realisasi disebabkan adanya kegiatan tambahan yang didanai melalui revisi "
    "anggaran dan kerja sama dengan mitra."),
    ("Hal ini dikarenakan adanya percepatan pelaksanaan kegiatan yang semula dijadwalkan pada "
    "triwulan berikutnya."),
    ("Realisasi yang tinggi disebabkan oleh penambahan layanan jemput bola ke kecamatan-kecamatan "
    "sehingga jumlah penerima layanan meningkat signifikan."),
]
EXPLAIN_HIGH_NEG = [  # negative polarity, e.g. far fewer findings / much faster
    ("Capaian yang tinggi disebabkan oleh penerapan layanan daring sehingga waktu proses "
    "berkurang jauh di bawah batas yang ditetapkan."),
    ("Hal ini karena seluruh rekomendasi tahun sebelumnya telah ditindaklanjuti tuntas sehingga "
    "kejadian berulang dapat ditekan."),
    ("Tingginya capaian disebabkan target ditetapkan terlalu longgar dan akan disesuaikan pada "
    "revisi rencana aksi."),
]
SUCCESS = [
    "Keberhasilan ini didukung oleh koordinasi yang baik antartim kerja.",
    "Capaian tersebut didukung oleh pemanfaatan aplikasi layanan daring.",
    "Keberhasilan ini tidak terlepas dari pemantauan rutin oleh pimpinan.",
    "Faktor pendukung capaian ini adalah tersedianya sumber daya manusia yang memadai.",
    "",
]
CAUSE_LOW = [
    "Belum tercapainya target disebabkan oleh keterbatasan anggaran pada awal tahun.",
    "Hal ini disebabkan oleh keterlambatan proses pengadaan barang dan jasa.",
    "Kendala utama adalah terbatasnya jumlah petugas yang memiliki kompetensi teknis.",
    "Hal tersebut terjadi karena sebagian kegiatan dijadwalkan ulang pada triwulan berikutnya.",
    "Faktor penghambatnya adalah belum optimalnya koordinasi dengan instansi terkait.",
]
REMEDY = [
    ("Upaya yang dilakukan adalah mempercepat jadwal pelaksanaan kegiatan dan memperkuat "
    "pemantauan mingguan."),
    "Sebagai tindak lanjut, akan dilakukan koordinasi intensif dengan mitra kerja.",
    "Langkah perbaikan yang ditempuh adalah penambahan petugas dan penyederhanaan prosedur.",
    "Ke depan, rencana aksi akan dievaluasi agar target dapat dicapai pada akhir tahun.",
]
NOT_MEASURED = [
    "Indikator ini {note}, sehingga belum dapat diukur pada periode ini.",
    "Nilai indikator ini baru tersedia pada triwulan IV karena {note}.",
    "Pengukuran indikator ini belum dilakukan pada periode ini karena {note}.",
]
RECOMMENDATIONS = [
    ("Melakukan pemantauan capaian kinerja secara berkala setiap bulan oleh masing-masing "
    "penanggung jawab indikator"),
    "Mempercepat pelaksanaan kegiatan yang tertunda agar target tahunan dapat tercapai",
    "Melakukan reviu atas target rencana aksi yang terlalu rendah atau terlalu tinggi",
    "Meningkatkan koordinasi dengan instansi terkait dalam pengumpulan data kinerja",
    "Menyusun jadwal evaluasi kinerja triwulanan yang disepakati seluruh tim kerja",
    "Meningkatkan kualitas data dukung capaian kinerja melalui verifikasi berjenjang",
    "Mengoptimalkan pemanfaatan aplikasi pelaporan kinerja secara daring",
    "Meningkatkan kompetensi pengelola kinerja melalui bimbingan teknis",
    "Menyelaraskan rencana penarikan dana dengan jadwal pelaksanaan kegiatan",
]
EXTRA_SECTIONS = [
    ("Kinerja Lain-lain",
     ("Selain capaian indikator kinerja, pada periode ini unit kerja juga melaksanakan kegiatan "
     "pendukung berupa pembinaan pegawai, pemeliharaan sarana prasarana, serta penyusunan "
     "standar operasional prosedur layanan.")),
    ("Inovasi dan Prestasi",
     ("Pada periode ini unit kerja mengembangkan inovasi layanan berupa antrean daring dan "
     "penyampaian hasil layanan melalui surat elektronik.")),
    ("Kendala dan Upaya Pemecahan Masalah",
     ("Kendala umum yang dihadapi antara lain keterbatasan sarana, pergantian pegawai, serta "
     "penyesuaian jadwal kegiatan. Upaya yang dilakukan meliputi penjadwalan ulang kegiatan dan "
     "optimalisasi sumber daya yang tersedia.")),
]
