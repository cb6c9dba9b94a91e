#!/bin/sh
# fixtures/analysts/norway-2000-counties/services.xlsx: the services table as a spreadsheet
# application writes it, with formulas and the values it calculated for them. LibreOffice Calc
# (apt-get install libreoffice-calc) converts a CSV whose 2000 figures are formulas; the tests read
# the result and never need LibreOffice. Run from the project root when the CSV changes.
set -eu
dir=fixtures/analysts/norway-2000-counties
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The 2000 consultations written as "1998 figure + change", a formula whose value is the 2000 figure.
awk -F, 'NR == 1 { print; next }
  $2 == 1998 { base[$1] = $4; print; next }
  { printf "%s,%s,%s,=%s+%s,%s\n", $1, $2, $3, base[$1], $4 - base[$1], $5 }' "$dir/services.csv" > "$work/services.csv"
soffice --headless --convert-to xlsx --outdir "$work" "$work/services.csv" > /dev/null
cp "$work/services.xlsx" "$dir/services.xlsx"
echo "wrote $dir/services.xlsx"
