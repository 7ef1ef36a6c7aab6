#!/usr/bin/env bash
# Peak memory of klima on the hostile inputs of issue 20 (defects 5 and 6):
# small .xlsx workbooks that once made klima allocate gigabytes, and endless
# inputs. Each file is generated into DIR (default /tmp/klima-hostile), never
# committed, and read with `klima inventory`; /usr/bin/time -v (Debian package
# time) gives the peak resident memory. Each run is limited to 4 GiB of
# address space (ulimit -v), so that an old klima ends in bad_alloc (exit 3)
# instead of taking the machine's memory.
# Usage: bench/xlsx-memory.sh [KLIMA_BINARY [DIR]]   (run from the repository root; needs zip)
set -euo pipefail
klima=${1:-build/bin/klima}
dir=${2:-/tmp/klima-hostile}
rm -rf "$dir"
mkdir -p "$dir"

# workbook NAME SHEET_ROWS_FILE [SHARED_STRINGS_FILE]: a one-sheet workbook "Ark1"
workbook() {
  local name=$1 rows=$2 shared=${3:-} w="$dir/$1.parts"
  mkdir -p "$w/xl/_rels" "$w/xl/worksheets"
  printf '%s' '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>' >"$w/xl/workbook.xml"
  printf '%s' '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' >"$w/xl/_rels/workbook.xml.rels"
  { printf '<worksheet><sheetData>'; cat "$rows"; printf '</sheetData></worksheet>'; } >"$w/xl/worksheets/sheet1.xml"
  [ -n "$shared" ] && cp "$shared" "$w/xl/sharedStrings.xml"
  (cd "$w" && zip -q -9 -r "../$name.xlsx" xl)
  rm -rf "$w" "$rows" ${shared:+"$shared"}
}
header='<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c><c r="B1" t="inlineStr"><is><t>sector</t></is></c><c r="C1" t="inlineStr"><is><t>subsector</t></is></c><c r="D1" t="inlineStr"><is><t>carrier</t></is></c><c r="E1" t="inlineStr"><is><t>quantity</t></is></c><c r="F1" t="inlineStr"><is><t>unit</t></is></c><c r="G1" t="inlineStr"><is><t>source</t></is></c><c r="H1" t="inlineStr"><is><t>note</t></is></c></row>'

# 1. 2,000 rows with one cell in column ZZZ (issue: 11 KB, 1.4 GB); 2. the same with 20,000 rows (issue:
# 100 KB, bad_alloc); 3. 2,000 rows with one cell in XFD, Excel's last column, right of the header
for col in ZZZ:2000 ZZZ:20000 XFD:2000; do
  c=${col%:*} n=${col#*:}
  { echo "$header"; awk -v n="$n" -v c="$c" 'BEGIN { for (r = 2; r <= n + 1; ++r) printf "<row r=\"%d\"><c r=\"%s%d\"><v>1</v></c></row>", r, c, r }'; } >"$dir/rows"
  workbook "$(echo "$c" | tr A-Z a-z)-$n" "$dir/rows"
done
# 4. one 5 MB shared string shown by 2,100 cells (issue: ~10 GB)
# 5. one 32,767-character shared string (Excel's limit) shown by 2,100 cells of a "note" column, which
#    klima does not read into records: accepted, held once (the records' sources are each their own)
for chars in 5000000 32767; do
  { printf '<sst><si><t>'; head -c "$chars" /dev/zero | tr '\0' x; printf '</t></si></sst>'; } >"$dir/shared"
  { echo "$header"; awk 'BEGIN { for (r = 2; r <= 2101; ++r) printf "<row r=\"%d\"><c r=\"A%d\"><v>2017</v></c><c r=\"B%d\" t=\"inlineStr\"><is><t>energi</t></is></c><c r=\"C%d\" t=\"inlineStr\"><is><t>el</t></is></c><c r=\"D%d\" t=\"inlineStr\"><is><t>el</t></is></c><c r=\"E%d\"><v>%d</v></c><c r=\"F%d\" t=\"inlineStr\"><is><t>MWh</t></is></c><c r=\"G%d\" t=\"inlineStr\"><is><t>row %d</t></is></c><c r=\"H%d\" t=\"s\"><v>0</v></c></row>", r, r, r, r, r, r, r, r, r, r, r }'; } >"$dir/rows"
  workbook "shared-$chars" "$dir/rows" "$dir/shared"
done
# 6. a formula saved without its value, as openpyxl writes it (issue: read as a missing value, exit 0)
{ echo "$header"; printf '%s' '<row r="2"><c r="A2"><v>2017</v></c><c r="B2" t="inlineStr"><is><t>energi</t></is></c><c r="C2" t="inlineStr"><is><t>el</t></is></c><c r="D2" t="inlineStr"><is><t>el</t></is></c><c r="E2"><f>2*450</f></c><c r="F2" t="inlineStr"><is><t>MWh</t></is></c><c r="G2" t="inlineStr"><is><t>x</t></is></c></row>'; } >"$dir/rows"
workbook formula "$dir/rows"
# 7. endless inputs: /dev/zero through a link, and a FIFO nobody writes
ln -s /dev/zero "$dir/zero.csv"
mkfifo "$dir/fifo.csv"

printf "%-22s %12s %5s %12s %8s  %s\n" "input" "bytes" "exit" "peak KiB" "× input" "first line of stderr"
for f in zzz-2000.xlsx zzz-20000.xlsx xfd-2000.xlsx shared-5000000.xlsx shared-32767.xlsx formula.xlsx zero.csv fifo.csv; do
  size=$(stat -L -c %s "$dir/$f" 2>/dev/null || echo 0)
  [ -p "$dir/$f" ] && size=0
  set +e
  (ulimit -v 4194304; timeout 60 /usr/bin/time -v -o "$dir/time" "$klima" inventory --data "$dir/$f" --year 2017 \
    --data-dir data >/dev/null 2>"$dir/err")
  code=$?
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time" 2>/dev/null || echo "?")
  ratio=$(awk -v r="$rss" -v s="$size" 'BEGIN { if (s > 0 && r + 0 > 0) printf "%.0f", r * 1024 / s; else print "-" }')
  printf "%-22s %12s %5s %12s %8s  %s\n" "$f" "$size" "$code" "${rss:-?}" "$ratio" "$(head -c 150 "$dir/err" | head -n 1)"
done
