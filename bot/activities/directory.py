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
    # Cooperation agencies of other countries.
    "USAID|Agencia de los Estados Unidos para el Desarrollo Internacional",
    "GIZ|Cooperación Alemana|Agencia Alemana de Cooperación",
    "KfW|Banco Alemán de Desarrollo",
    "KOICA|Agencia de Cooperación Internacional de Corea",
    "JICA|Agencia de Cooperación Internacional del Japón|Cooperación Japonesa",
    "AECID|Cooperación Española|Agencia Española de Cooperación Internacional para el Desarrollo",
    "AFD|Agencia Francesa de Desarrollo", "Expertise France",
    "COSUDE|Agencia Suiza para el Desarrollo y la Cooperación",
    "AICS|Cooperación Italiana|Agencia Italiana de Cooperación para el Desarrollo",
    "Enabel|Agencia Belga de Desarrollo", "TIKA|Agencia Turca de Cooperación",
    "KOTRA", "Global Affairs Canada",
    # Embassies (any "embajada de <país>" is also read by :func:`partners.missions`).
    "Embajada de Canadá",
    "Embajada de Estados Unidos|Embajada de los Estados Unidos",
    "Embajada de Alemania", "Embajada de Corea", "Embajada de España",
    "Embajada del Reino Unido|Embajada Británica", "Embajada de Suiza",
    "Embajada de Italia", "Embajada de los Países Bajos", "Embajada de Israel",
    "Embajada de México", "Embajada de China", "Embajada de la India",
    # National government bodies.
    "Cancillería|Ministerio de Relaciones Exteriores",
    "DNP|Departamento Nacional de Planeación", "Migración Colombia",
    "Colombia Nos Une", "Ministerio de Educación|MinEducación",
    "Ministerio de Cultura|MinCultura",
    "MinCiencias|Ministerio de Ciencia, Tecnología e Innovación|Colciencias",
    "MinTIC|Ministerio de Tecnologías de la Información y las Comunicaciones",
    "SENA|Servicio Nacional de Aprendizaje", "Bancóldex", "iNNpulsa", "Findeter",
    # Trade promotion (an event is not its organiser: "Colombiamoda" alone is no partner).
    "ProColombia", "Inexmoda", "Corferias",
    # Scholarships, exchanges and languages.
    "ICETEX|Instituto Colombiano de Crédito Educativo y Estudios Técnicos en el Exterior",
    "Comisión Fulbright|Fulbright|Fulbright Colombia", "DAAD", "Campus France",
    "British Council", "Goethe-Institut|Instituto Goethe|Goethe Institut",
    "Centro Colombo Americano|Colombo Americano|Colombo",
    "Instituto Confucio", "AIESEC", "AFS Intercultura|AFS", "Erasmus+|Erasmus",
    # Binational chambers and business guilds.
    "AHK Colombia|AHK|Cámara de Industria y Comercio Colombo-Alemana|Cámara Colombo Alemana",
    "AmCham Colombia|AmCham|Cámara de Comercio Colombo Americana",
    "Cámara de Comercio e Industria Franco-Colombiana|CCI France Colombia",
    "Cámara de Comercio Colombo Británica|Britcham",
    "Cámara de Comercio Colombo Canadiense|Cámara Colombo Canadiense",
    "Cámara Oficial Española de Comercio|Cámara Española",
    "ANDI|Asociación Nacional de Empresarios de Colombia", "Fenalco", "Acopi",
    # Santander universities and regional bodies.
    "UIS|Universidad Industrial de Santander",
    "UNAB|Universidad Autónoma de Bucaramanga",
    "UDES|Universidad de Santander",
    "USTA|Universidad Santo Tomás|Santo Tomás",
    "UTS|Unidades Tecnológicas de Santander",
    "UCC|Universidad Cooperativa de Colombia",
    "UMB|Universidad Manuela Beltrán",
    "UDI|Universidad de Investigación y Desarrollo", "Unisangil",
    "Área Metropolitana de Bucaramanga",
    "CDMB|Corporación Autónoma Regional para la Defensa de la Meseta de Bucaramanga",
    "INDERBU|Instituto de la Juventud, el Deporte y la Recreación de Bucaramanga",
    "Mesa de Internacionalización Regional de Santander|"
    "Mesa de Internacionalización Regional|Mesa de Internacionalización",
    # Foundations and networks active in Colombian cooperation.
    "FUPAD|Fundación Panamericana para el Desarrollo", "Fondo Acción",
    "Bloomberg Philanthropies", "Alianza del Pacífico",
)
