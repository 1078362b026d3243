"""A default directory of the organisations a Colombian city's international office works with.

Written from general knowledge of the field and the office's sources, so that a note
naming a scholarship body, a binational chamber or a UN agency the config never listed
still files it as a partner, under one spelling. Each entry is ``"Name|alias|…"``, the
first form being how the report writes it; the aliases are the acronyms and short forms
staff use. An alias that is an everyday word is left out on purpose (the Swedish agency
"Sida", the EU as "UE"): a wrong partner costs more than a missed one. The config's
``[activities] partners`` come first and may add aliases to any of these.
"""

from __future__ import annotations

DIRECTORY: tuple[str, ...] = (
    # United Nations bodies and other multilaterals.
    "ONU|Naciones Unidas|Organización de las Naciones Unidas|Sistema de Naciones Unidas",
    "PNUD|Programa de las Naciones Unidas para el Desarrollo|UNDP",
    "ONUDI|UNIDO|Organización de las Naciones Unidas para el Desarrollo Industrial",
    "ONU Mujeres|UN Women", "UNESCO", "UNICEF", "UNFPA", "UNODC", "OCHA",
    "ACNUR|Alto Comisionado de las Naciones Unidas para los Refugiados|UNHCR",
    "OIM|Organización Internacional para las Migraciones|IOM",
    "FAO|Organización de las Naciones Unidas para la Alimentación y la Agricultura",
    "PMA|Programa Mundial de Alimentos|WFP",
    "OIT|Organización Internacional del Trabajo",
    "OPS|Organización Panamericana de la Salud", "OMS|Organización Mundial de la Salud",
    "CEPAL|Comisión Económica para América Latina y el Caribe",
    "OEA|Organización de los Estados Americanos", "OCDE|OECD",
    "Banco Mundial|World Bank", "BID|Banco Interamericano de Desarrollo",
    "CAF|Banco de Desarrollo de América Latina", "Unión Europea|Delegación de la Unión Europea",
    "SEGIB|Secretaría General Iberoamericana",
    "OEI|Organización de Estados Iberoamericanos", "OMC|Organización Mundial del Comercio",
    "FMI|Fondo Monetario Internacional", "BEI|Banco Europeo de Inversiones",
    "PNUMA|ONU Medio Ambiente|Programa de las Naciones Unidas para el Medio Ambiente|UNEP",
    "OACNUDH|ONU Derechos Humanos|Oficina del Alto Comisionado para los Derechos Humanos",
    "UNOPS|Oficina de las Naciones Unidas de Servicios para Proyectos",
    "Misión de Verificación de la ONU|Misión de Verificación de las Naciones Unidas",
    "MAPP OEA|Misión de Apoyo al Proceso de Paz",
    "Fondo Verde para el Clima|Green Climate Fund|GCF",
    "GGGI|Instituto Global para el Crecimiento Verde", "WRI|World Resources Institute",
    "Cities Alliance", "VNG International|VNG",
    "ARRICOD|Asociación de Responsables de la Acción Exterior y Europea de los Gobiernos"
    " Locales",
    "WWF|World Wildlife Fund|Fondo Mundial para la Naturaleza",
    "Pacto Global de Alcaldes|Global Covenant of Mayors",
    "Pacto Global|Red del Pacto Global Colombia",
    # Cooperation agencies of other countries.
    "USAID|Agencia de los Estados Unidos para el Desarrollo Internacional"
    "|Agencia de Estados Unidos para el Desarrollo Internacional"
    "|Agencia Estadounidense para el Desarrollo Internacional|Cooperación Estadounidense",
    "GIZ|Cooperación Alemana|Agencia Alemana de Cooperación"
    "|Deutsche Gesellschaft für Internationale Zusammenarbeit",
    "KfW|Banco Alemán de Desarrollo",
    "KOICA|KOIKA|Agencia de Cooperación Internacional de Corea|Agencia Coreana de Cooperación"
    "|Agencia Coreana de Cooperación Internacional|Cooperación Coreana",
    "JICA|Agencia de Cooperación Internacional del Japón|Cooperación Japonesa"
    "|Agencia Japonesa de Cooperación Internacional|Agencia Japonesa de Cooperación",
    "AECID|Cooperación Española|Agencia Española de Cooperación Internacional para el Desarrollo",
    "AFD|Agencia Francesa de Desarrollo|Cooperación Francesa", "Expertise France",
    "COSUDE|Agencia Suiza para el Desarrollo y la Cooperación|Agencia Suiza de Cooperación",
    "SECO|Secretaría de Estado para Asuntos Económicos de Suiza",
    "AICS|Cooperación Italiana|Agencia Italiana de Cooperación para el Desarrollo",
    "Enabel|Agencia Belga de Desarrollo", "TIKA|Agencia Turca de Cooperación",
    "KOTRA", "Global Affairs Canada",
    "Asdi|Agencia Sueca de Cooperación Internacional para el Desarrollo",
    "AGCID|Agencia Chilena de Cooperación Internacional para el Desarrollo",
    "AMEXCID|Agencia Mexicana de Cooperación Internacional para el Desarrollo",
    "AACID|Agencia Andaluza de Cooperación Internacional para el Desarrollo",
    # Embassies (any "embajada de <país>" is also read by :func:`partners.missions`).
    # Programmes an embassy runs itself: a note about them involves the embassy.
    "Embajada de Canadá|Fondo Canadá|Fondo Canadá para Iniciativas Locales|FCIL",
    "Embajada de Estados Unidos|Embajada de los Estados Unidos",
    "Embajada de Alemania", "Embajada de España",
    "Embajada de Corea|Embajada de la República de Corea|Embajada de Corea del Sur",
    "Embajada del Reino Unido|Embajada Británica", "Embajada de Suiza",
    "Embajada de Italia", "Embajada de los Países Bajos", "Embajada de Israel",
    "Embajada de México", "Embajada de China", "Embajada de la India",
    # National government bodies.
    # Colombia Nos Une is the Cancillería's programme for Colombians abroad.
    "Cancillería|Ministerio de Relaciones Exteriores|Colombia Nos Une",
    "DNP|Departamento Nacional de Planeación", "Migración Colombia",
    "Ministerio de Educación|MinEducación|Ministerio de Educación Nacional",
    "Ministerio de Cultura|MinCultura",
    "MinCiencias|Ministerio de Ciencia, Tecnología e Innovación|Colciencias|Ministerio de Ciencia"
    "|Ministerio de Ciencias",
    "MinTIC|Ministerio de Tecnologías de la Información y las Comunicaciones|Ministerio TIC"
    "|Ministerio de las TIC",
    "SENA|Servicio Nacional de Aprendizaje", "Bancóldex", "iNNpulsa", "Findeter",
    "Prosperidad Social|DPS|Departamento para la Prosperidad Social",
    "ICBF|Instituto Colombiano de Bienestar Familiar",
    "Unidad para las Víctimas|Unidad para la Atención y Reparación Integral a las Víctimas",
    "ARN|Agencia para la Reincorporación y la Normalización",
    "Agencia de Renovación del Territorio", "ADR|Agencia de Desarrollo Rural",
    "Ministerio de Salud|MinSalud", "Ministerio del Interior|MinInterior",
    "Ministerio de Agricultura|MinAgricultura", "Ministerio del Trabajo|MinTrabajo",
    "Ministerio de Minas y Energía|MinEnergía", "Ministerio de Transporte|MinTransporte",
    "Ministerio de Hacienda|MinHacienda",
    "FND|Federación Nacional de Departamentos",
    "Asocapitales|Asociación Colombiana de Ciudades Capitales", "Confecámaras",
    "Procuraduría General de la Nación|Procuraduría",
    "Contraloría General de la República|Contraloría", "Colombia Compra Eficiente",
    # Trade promotion (an event is not its organiser: "Colombiamoda" alone is no partner).
    # An event the sources name as an organisation's own is that organisation: the 2021
    # report calls the Colombia Investment Summit "evento de PROCOLOMBIA".
    "ProColombia|Colombia Investment Summit", "Inexmoda", "Corferias",
    # Scholarships, exchanges and languages.
    "ICETEX|Instituto Colombiano de Crédito Educativo y Estudios Técnicos en el Exterior",
    "Comisión Fulbright|Fulbright|Fulbright Colombia", "Campus France", "Colfuturo",
    "DAAD|Servicio Alemán de Intercambio Académico",
    "British Council", "Goethe-Institut|Instituto Goethe|Goethe Institut",
    "Centro Colombo Americano|Colombo Americano|Colombo",
    "Instituto Confucio", "AIESEC", "AFS Intercultura|AFS", "Erasmus+|Erasmus",
    "Cuerpo de Paz|Peace Corps", "JCI|Junior Chamber International",
    "Alianza Francesa|Alianza Francesa de Bucaramanga",
    # Binational chambers and business guilds.
    "AHK Colombia|AHK|Cámara de Industria y Comercio Colombo-Alemana|Cámara Colombo Alemana",
    "AmCham Colombia|AmCham|Cámara de Comercio Colombo Americana",
    "Cámara de Comercio e Industria Franco-Colombiana|CCI France Colombia",
    "Cámara de Comercio Colombo Británica|Britcham",
    "Cámara de Comercio Colombo Canadiense|Cámara Colombo Canadiense",
    "Cámara Oficial Española de Comercio|Cámara Española",
    "ANDI|Asociación Nacional de Empresarios de Colombia", "Fenalco", "Acopi",
    "ANATO|Asociación Colombiana de Agencias de Viajes y Turismo",
    "Analdex|Asociación Nacional de Comercio Exterior",
    "Business France",
    # Santander universities and regional bodies.
    "UIS|Universidad Industrial de Santander",
    "UNAB|Universidad Autónoma de Bucaramanga",
    "UDES|Universidad de Santander",
    "USTA|Universidad Santo Tomás|Santo Tomás",
    "UNAL|Universidad Nacional de Colombia|Universidad Nacional",
    "Universidad de los Andes|Uniandes", "Universidad del Rosario|Urosario",
    "UNIMINUTO|Corporación Universitaria Minuto de Dios",
    "Organización Minuto de Dios|Minuto de Dios",
    "Pontificia Universidad Javeriana|Universidad Javeriana|Javeriana",
    "Universidad EAFIT|EAFIT", "Universidad Externado de Colombia|Externado",
    "UdeA|Universidad de Antioquia", "Univalle|Universidad del Valle",
    "Uninorte|Universidad del Norte", "UFPS|Universidad Francisco de Paula Santander",
    "Unipamplona|Universidad de Pamplona",
    "UTS|Unidades Tecnológicas de Santander",
    "UCC|Universidad Cooperativa de Colombia",
    "UMB|Universidad Manuela Beltrán",
    "UDI|Universidad de Investigación y Desarrollo", "Unisangil",
    "Área Metropolitana de Bucaramanga|AMB",
    "Zona Franca Santander|Zona Franca de Santander|ZF Santander",
    "Parque Tecnológico Guatiguará|Guatiguará",
    "Neomundo|Centro de Convenciones Neomundo", "Cenfer",
    "Aeropuerto Palonegro|Aeropuerto Internacional Palonegro|Palonegro",
    "Acueducto Metropolitano de Bucaramanga", "Camacol|Camacol Santander", "Cotelco",
    "ACICAM|Asociación Colombiana de Industriales del Calzado, el Cuero y sus Manufacturas",
    # Regional and national media the office works with for the city brand ("Vanguardia"
    # and "Caracol" alone are everyday words: with a capital only).
    "Vanguardia Liberal|Vanguardia", "RCN Radio|RCN", "Blu Radio",
    "Canal TRO|TRO|Televisión Regional del Oriente", "Señal Colombia",
    "ACI Medellín|Agencia de Cooperación e Inversión de Medellín"
    "|Agencia de Cooperación e Inversión de Medellín y el Área Metropolitana",
    "Alcaldía de Bogotá|Alcaldía Mayor de Bogotá",
    "Ministerio de Asuntos Exteriores de los Países Bajos",
    "FCV|Fundación Cardiovascular de Colombia",
    "Cajasan|Caja Santandereana de Subsidio Familiar", "Ecopetrol",
    "ESSA|Electrificadora de Santander", "Metrolínea",
    "CDMB|Corporación Autónoma Regional para la Defensa de la Meseta de Bucaramanga",
    "INDERBU|Instituto de la Juventud, el Deporte y la Recreación de Bucaramanga",
    # Not "Mesa de Internacionalización" alone: other bodies have one ("de ciudades
    # intermedias").
    "Mesa de Internacionalización Regional de Santander|Mesa de Internacionalización Regional",
    # Foundations and networks active in Colombian cooperation.
    "FUPAD|Fundación Panamericana para el Desarrollo", "Fondo Acción",
    "Bloomberg Philanthropies", "Alianza del Pacífico",
    "Sister Cities International|Ciudades Hermanas Internacional",
    "Rotary|Club Rotario|Rotary International", "Club de Leones",
    "KAS|Fundación Konrad Adenauer|Konrad Adenauer",
    "FES|Fundación Friedrich Ebert|Friedrich Ebert", "Fundación Hanns Seidel",
    "FIP|Fundación Ideas para la Paz", "Fundación Corona", "Fundación Bolívar Davivienda",
    "Fundación Saldarriaga Concha", "Fundación Santo Domingo", "Fundación Ford",
    "Open Society Foundations|Open Society", "Oxfam", "Save the Children",
    "World Vision|Visión Mundial", "Plan International|Plan Internacional",
    "Aldeas Infantiles SOS", "Mercy Corps", "NRC|Consejo Noruego para Refugiados",
    "IRC|Comité Internacional de Rescate", "HIAS",
    "CICR|Comité Internacional de la Cruz Roja", "MSF|Médicos Sin Fronteras",
    "Cáritas|Cáritas Colombiana", "Pastoral Social",
)
