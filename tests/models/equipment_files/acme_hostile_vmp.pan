PVObject_=pvModule
  Version=7.2
  Flags=$00900243

  PVObject_Commercial=pvCommercial
    Comment=Hand-written for the SolarFleet tests: hostile, Vmp above Voc (must be refused, line 27)
    Flags=$0041
    Manufacturer=Acme Solar
    Model=AS-550X
    DataSource=SolarFleet tests
    Width=1.134
    Height=2.278
    Depth=0.035
  End of PVObject pvCommercial

  Technol=mtSiMono
  NCelS=72
  NCelP=2
  NDiode=3
  GRef=1000
  TRef=25.0
  PNom=549.0
  PNomTolUp=3.0
  Isc=13.950
  Voc=49.90
  Imp=13.222
  Vmp=59.525
  muISC=6.97
  muVocSpec=-143.1
  muPmpReq=-0.338
  RShunt=400
  Rp_0=1600
  Rp_Exp=5.50
  RSerie=0.200
  Gamma=1.000
  muGamma=-0.0004
  VMaxIEC=1500
  Absorb=0.90
End of PVObject pvModule
