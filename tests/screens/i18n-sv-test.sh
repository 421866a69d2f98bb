#!/bin/sh
# The create wizard in Swedish (sv_SE.UTF-8) at 80x24: every step, the
# verdicts and the review are translated and laid out by display width
# (columns line up, wrapping never cuts a double-width character).
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/i18n/locale.sh"

if ! i18n_have_locale sv_SE.UTF-8; then
	echo "1..0 # SKIP the sv_SE.UTF-8 locale is not available (locale-gen)"
	exit 0
fi
if ! i18n_locale_tree "$work/locale"; then
	echo "1..0 # SKIP no catalogs (msgfmt missing and po/*.gmo not built)"
	exit 0
fi
LC_ALL=sv_SE.UTF-8; LANG=sv_SE.UTF-8; export LC_ALL LANG

steps '
	ml-prod
	:save-display name.screen
	<Enter>
	:save-display purpose.screen
	<Enter>
	D3_v2<Tab><C-u>2
	<Enter>
	:save-display size.screen
	+
	<Enter>
	<Right><Down>vnet-rg<Down>vnet-a
	<Enter>
	:save-display network.screen
	<Up><Up><Up><Left>
	<Enter><Enter><Enter>
	:save-display review.screen
	<F1>
	:save-display keys.screen
	<Esc>
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals name.screen "the name step: help text wrapped, the verdict translated" <<EOF
 Skapa härledningskluster                                           Steg 1 av 6
 Arbetsyta ws1 · grupp rg1 · prenum. 00000000-0000-0000-0000-000000000001

  Beräkningsnamn
  Namnet som arbetsytan för alltid känner klustret under: 3 till 24 bokstäver,
  siffror och bindestreck; det börjar med en bokstav, slutar med en bokstav
  eller siffra men inte med bindestreck och siffror (”-01”), och är inte
  amlcompute, local eller containerinstance.

  › Namn  [ml-prod                                         ]

    ✓ ”ml-prod” följer reglerna. Om det är ledigt kontrolleras när arbetsytan
      kan läsas.










 Enter nästa  Esc tillbaka  Tab flytta  F1 tangenter  Ctrl-C avsluta
EOF
assert_equals purpose.screen "the purpose step: production and dev-test" <<EOF
 Skapa härledningskluster                                           Steg 2 av 6
 Arbetsyta ws1 · grupp rg1 · prenum. 00000000-0000-0000-0000-000000000001

  Syfte
  Vad klustret ska användas till avgör hur stort det måste vara.

  › (•) Produktion
        För skarp trafik: minst 3 noder och totalt 12 vCPU, så att tjänsten
        kan fortsätta bedöma medan en nod byts ut.

    ( ) Utveckling och testning
        För att prova: en nod eller fler. Inte för produktionstrafik;
        härledningen kan bli långsammare.










 Enter nästa  Esc tillbaka  Tab flytta  F1 tangenter  Ctrl-C avsluta
EOF
assert_equals size.screen "the size step: column heads aligned, the refusal translated" <<EOF
 Skapa härledningskluster                                           Steg 3 av 6
 Arbetsyta ws1 · grupp rg1 · prenum. 00000000-0000-0000-0000-000000000001

  VM-storlek och noder
  Alla noder har samma VM-storlek, som inte kan ändras senare; antalet noder
  kan det. Skriv för att filtrera listan, Tab för att nå antalet noder.

  Filter: D3_v2                                             1 av 128 storlekar
  Offline: inbyggda storlekar; kvoten kontrolleras online.
    Storlek               vCPU    GB  Märken Kvot Familj
  › Standard_D3_v2           4  14,0              standardDv2Family







  Noder   [2     ]  Region  [                ]  +/- noder
  ✗ Produktion kräver minst 3 noder; den här har 2 noder.
  ✗ Produktion kräver noder x vCPU på minst 12; 2 x 4 vCPU = 8 vCPU.

 Inte än: rätta det som är markerat först.
 Enter nästa  Esc tillbaka  Tab flytta  F1 tangenter  Ctrl-C avsluta
EOF
assert_equals network.screen "a custom network: the missing part named in Swedish" <<EOF
 Skapa härledningskluster                                           Steg 4 av 6
 Arbetsyta ws1 · grupp rg1 · prenum. 00000000-0000-0000-0000-000000000001

  Nätverk
  Grundläggande låter Azure skapa det virtuella nätverket. Avancerat lägger
  klustret i ett befintligt virtuellt nätverk: alla sex inställningar behövs.

    Nätverk            ( ) Grundläggande (Azure skapar det)
                       (•) Avancerat (ditt VNet)
    VNet-resursgrupp   [vnet-rg                                         ]
    VNet               [vnet-a                                          ]
  › Undernät           [                                                ]
                       ✗ Ett eget virtuellt nätverk kräver alla sex
                         inställningar (VNet-resursgrupp, VNet, undernät,
                         tjänst-CIDR, DNS-tjänstens IP, Docker-brygg-CIDR);
                         undernätets namn saknas.
    Tjänst-CIDR        [10.0.0.0/16                                     ]
    DNS-tjänstens IP   [10.0.0.10                                       ]
    Docker-brygg-CIDR  [172.17.0.1/16                                   ]



 Inte än: rätta det som är markerat först.
 Enter nästa  Esc tillbaka  Tab flytta  F1 tangenter  Ctrl-C avsluta
EOF
assert_equals review.screen "the review: the step titles make one column" <<EOF
 Granska planen                                                           Skapa
 Arbetsyta ws1 · grupp rg1 · prenum. 00000000-0000-0000-0000-000000000001

  › Skicka
    Spara planen
    Visa motsvarande az-kommando
    Visa Python-kodavsnittet
    Visa ARM-begäran
    Beräkningsnamn       ml-prod
    Syfte                Produktion
    VM-storlek och noder 3 × Standard_D3_v2 (totalt 12 vCPU)
    Nätverk              Grundläggande (Azure skapar det)
    Lastbalanserare      Offentlig IP
    TLS                  Inaktiverat

  Inget känt står i vägen för den här planen.







 Enter välj  Esc tillbaka  Ctrl-S spara  F1 tangenter  q avsluta
EOF
assert_equals keys.screen "the keys of the review screen" <<EOF
 Granska planen                                                           Skapa
 Arbetsyta ws1 · grupp rg1 · prenum. 00000000-0000-0000-0000-000000000001
  ── Tangenter på den här skärmen ────────────────────────────────────────────
    ? <F1>        visa tangenterna för den här skärmen
    q <C-c>       avsluta (frågar först om något inte är sparat)
    <Up>          flytta upp
    <Down>        flytta ned
    <Enter>       bekräfta: välj, eller gå till nästa steg
    <Esc>         gå tillbaka ett steg; inget du har skrivit går förlorat
    <C-s>         spara planen

    Tryck på valfri tangent för att stänga.
  ────────────────────────────────────────────────────────────────────────────










 Enter välj  Esc tillbaka  Ctrl-S spara  F1 tangenter  q avsluta
EOF
tap_done
