"""The default office: OFAI Bucaramanga's five action lines (purpose, keywords, seed
examples), the partners and departments its notes name. Plain data that
:mod:`bot.config` turns into settings; an office replaces any of it in its TOML file."""

from __future__ import annotations

# Purposes and examples written from the office's own reports (2019 and 2021) and the
# FCM and Bogotá guides in ../shared/sources, in our own words.
ACTION_LINES = [
    dict(
        number=1,
        name="Diplomacia y relacionamiento estratégico",
        purpose=("Fortalecer las relaciones de la Alcaldía con gobiernos, embajadas, ciudades y "
                 "entidades nacionales e internacionales: visitas oficiales y delegaciones, "
                 "memorandos de entendimiento, hermanamientos, redes de ciudades y el contacto "
                 "general con la APC, la Cancillería o la Gobernación."),
        keywords=["diplomacia", "relacionamiento", "embajada", "embajador", "consulado",
                  "memorando", "mou", "hermanamiento", "ciudad hermana", "visita oficial",
                  "delegacion", "cortesia", "cancilleria", "red de ciudades", "adhesion"],
        examples=[
            "Llamada de seguimiento con la Agencia Presidencial de Cooperación sobre la "
            "relación con el departamento",
            "Acercamiento con la Embajada de Francia y la Alianza Francesa para conocer "
            "ciudades modelo en sostenibilidad",
            "Gestión del memorando de entendimiento con la alcaldía de Gumi, Corea",
            "Agenda de la delegación de la ciudad hermana durante su visita a Bucaramanga",
            "Revisión del MoU con la UPB para trabajo académico e investigativo conjunto",
            "Reunión virtual con la Registraduría para articular la atención a migrantes",
            "Asesoría de la Financiera de Desarrollo Nacional sobre emisión de bonos",
            "Visita protocolaria de un diplomático extranjero al despacho del alcalde",
            "Participación de la ciudad en una red internacional de gobiernos locales",
            "Contacto con la Cancillería para presentar las prioridades internacionales de "
            "la ciudad",
            "Reunión con la oficina de relaciones internacionales de la Gobernación para "
            "coordinar agendas",
            "Seguimiento a los compromisos del memorando firmado con la ciudad hermana",
            "Inscripción de Bucaramanga como miembro de una red latinoamericana de ciudades",
            "Firma del convenio marco con una alcaldía extranjera",
            "Invitación a la alcaldía de una ciudad española para explorar un acuerdo de "
            "cooperación",
            "Reunión del comité de ciudades hermanas para revisar el plan de trabajo conjunto",
            "Recepción de la misión diplomática de la Unión Europea en la Alcaldía",
            "Asistencia del alcalde a la cumbre de alcaldes de la red de ciudades",
            "Envío de la carta de saludo del alcalde al nuevo cónsul",
            "Reunión periódica con la APC y la oficina internacional de la Gobernación "
            "sobre el plan de trabajo de cooperación de Santander",
            "Diálogo con la alcaldía de una ciudad estadounidense sobre migración, agua y "
            "transparencia en las finanzas",
            "Preparación de la visita del alcalde de una ciudad coreana con empresarios de "
            "su país y firma del memorando",
            "Búsqueda de un hermanamiento con una ciudad francesa modelo en sostenibilidad",
            "Actualización del registro de hermanamientos y acuerdos vigentes de la ciudad",
            "Visita del embajador al alcalde para conversar sobre la relación bilateral",
            "llamada con cancilleria x agenda de la visita de una delegacion extranjera",
            "Reunión con el cónsul honorario para presentarle la agenda internacional",
            # The same work as staff type it in a field note (short, lower case, no
            # accents, "x"/"pa", partner hashtags): e5 puts notes written this way
            # close to each other whatever their line, so each line has some too.
            "reunion periodica APC + of. internacional gobernacion, plan de trabajo santander",
            "#EmbajadaFrancia acercamiento x hermanamiento con ciudades francesas sostenibles, "
            "apoyo alianza francesa",
            "firma mou con la UPB (sin compromisos financieros) pa investigacion conjunta",
            "reunion virtual registraduria bogota: migrantes y victimas, se les ofrece la feria "
            "institucional",
            "#FDN asesoria emision de bonos pa infraestructura, hacienda lo analiza",
            "agenda visita alcalde de gumi (corea) 25-28 ago con empresarios, firma memorando",
            "seguimiento mou pittsburgh: migracion, tratamiento de aguas, finanzas y transparencia",
            "saludo protocolario al consul honorario, se le presenta la agenda internacional",
            "cancilleria: envio de prioridades internacionales del municipio",
            "bmanga se postula como miembro de red de ciudades, carta del alcalde",
            "visita embajador al despacho, relacion bilateral y proximos pasos",
            "comite ciudades hermanas: revision plan de trabajo anual",
        ],
    ),
    dict(
        number=2,
        name="Inversión extranjera directa y comercio exterior",
        purpose=("Atraer inversión extranjera directa e impulsar la exportación de bienes y "
                 "servicios: inversionistas, ferias y ruedas de negocios, misiones "
                 "empresariales, ProColombia, MinCIT, cámaras de comercio y el clima de "
                 "negocios de la ciudad."),
        keywords=["inversion", "ied", "exportacion", "exportar", "procolombia",
                  "inversionistas", "empresarios", "investment", "rueda de negocios",
                  "doing business", "mipymes", "agregado comercial", "seccion comercial",
                  "b2b", "proveedores", "delegacion empresarial", "mision empresarial",
                  "empresa", "empresas", "comercial"],
        examples=[
            "Comité organizador de la feria de la reactivación con MinCIT y la CRC para "
            "empresarios",
            "Postulación del sistema de bicicletas al Colombia Investment Summit para buscar "
            "inversionistas",
            "Asesoría con IMEBU y ProColombia a empresas locales que quieren exportar",
            "Seguimiento al portal único del constructor para mejorar el indicador Doing "
            "Business",
            "Alianza con la Cámara de Comercio para el centro de desarrollo empresarial del "
            "norte",
            "Atención a una misión de empresarios extranjeros interesados en invertir",
            "Apoyo a empresas de moda para participar en Colombiamoda",
            "Presentación de oportunidades de inversión en zonas francas a un fondo extranjero",
            "Rueda de negocios con compradores internacionales del sector agroalimentos",
            "Preparación de la oferta exportable de las mipymes para Expo Aladi",
            "Visita de inversionistas extranjeros a los terrenos de la zona franca",
            "Reunión con la Cámara de Comercio sobre el clima de negocios de la ciudad",
            "Datos de exportaciones del área metropolitana para el perfil de inversión de la "
            "ciudad",
            "Acompañamiento a empresarios en la feria internacional del calzado",
            "Reunión con ProColombia para presentar proyectos de la ciudad a fondos de inversión",
            "Taller de internacionalización para emprendedores del centro empresarial",
            "Encuentro con empresarios exportadores para identificar mercados en Asia",
            "Acompañamiento a una empresa extranjera que busca instalarse en la ciudad",
            "Reunión con MinCIT sobre los tratados de libre comercio y las pymes locales",
            "Indicadores de competitividad de la ciudad para atraer inversión",
            "Vinculación de la Organización Minuto de Dios y la Cancillería al centro "
            "PROGRESA para atender población retornada",
            "Asesorías a emprendedores en las rutas de emprendimiento y empleabilidad del "
            "centro empresarial",
            "Evento con el Ministerio de Vivienda y la Función Pública sobre la ventanilla "
            "única del constructor",
            "Lanzamiento de la flota nueva del sistema de bicicletas y búsqueda de "
            "financiación privada para sostenerlo",
            "Cadenas de valor priorizadas (agroalimentos, metalmecánica, moda) para la "
            "oferta exportable en la feria regional",
            "Reunión con Invest in Santander sobre inversionistas interesados en la región",
            "Agenda de citas entre inversionistas extranjeros y proyectos de la ciudad en el "
            "Investment Summit",
            "reunion con procolombia y el imebu x asesoria a exportadores",
            # As staff type it in a field note:
            "comite org. feria de la reactivacion con mincit, crc y procolombia",
            "postulacion CLOBI al colombia investment summit x financiacion del sistema",
            "reunion imebu + procolombia: asesoria a empresarios que se postulan a expo aladi",
            "expo aladi: 5 cadenas de valor priorizadas, oferta exportable de mipymes",
            "ventanilla unica del constructor: evento con minvivienda y funcion publica, "
            "bmanga ciudad piloto",
            "progresa norte: asesorias a emprendedores, ruta de empleabilidad con imebu",
            "conversatorio con empresarios: oportunidades de comercio en politicas "
            "ciclo-inclusivas",
            "#ProColombia oportunidades de inversion pa proyectos de ciudad",
            "visita inversionistas extranjeros a zona franca, acompaña imebu",
            "rueda de negocios exportadores de calzado y moda",
            "apoyo a empresarios de moda pa ir a colombiamoda",
            "#InvestInSantander perfil de inversion de la ciudad, datos de exportaciones",
        ],
    ),
    dict(
        number=3,
        name="Intercambio educativo y cultural",
        purpose=("Aprovechar becas internacionales, universidades, idiomas e intercambio "
                 "cultural y académico, y formar a funcionarios y enlaces de la Alcaldía con "
                 "talleres, capacitaciones, cursos, seminarios y eventos académicos."),
        keywords=["beca", "becas", "intercambio", "universidad", "cultural", "cultura",
                  "idiomas", "ingles", "estudiantes", "educacion", "academico", "seminario",
                  "capacitacion", "curso", "cine", "danza", "pasantes", "pasantia", "docentes",
                  "colegios"],
        examples=[
            "Capacitación virtual a los enlaces de las dependencias sobre cooperación "
            "internacional",
            "Taller de nueva agenda urbana para funcionarios, dictado por Naciones Unidas",
            "Curso de place branding para servidores públicos de la Alcaldía",
            "Divulgación de la oferta de becas internacionales para jóvenes bumangueses",
            "Reunión con la oficina de relaciones internacionales de la UIS sobre movilidad "
            "académica",
            "Clases de inglés para el personal de la administración",
            "Intercambio de artistas con una ciudad hermana durante el festival",
            "Sensibilización a los entes descentralizados en temas de cooperación",
            "Charla para funcionarios sobre el estatuto de protección de migrantes venezolanos",
            "Convocatoria de becas de pregrado en Japón difundida a colegios",
            "Movilidad académica de estudiantes de la UIS hacia universidades francesas",
            "Programa de voluntarios extranjeros que enseñan inglés en colegios públicos",
            "Feria de universidades extranjeras para estudiantes de colegios públicos",
            "Formación en gestión de la cooperación para los enlaces de los institutos",
            "Taller de urbanismo táctico para servidores de la Alcaldía con expertos "
            "internacionales",
            "Orientación a estudiantes sobre cómo aplicar a becas de movilidad",
            "Visita de profesores de una universidad extranjera a la ciudad",
            "Intercambio de estudiantes de colegios con una ciudad hermana",
            "Taller para servidores de la Alcaldía sobre cocreación del espacio público",
            "Diplomado en cooperación internacional para funcionarios de la administración",
            "Difusión de becas de maestría en el exterior entre egresados de la ciudad",
            "Encuentro con las oficinas de relaciones internacionales de las universidades "
            "de la ciudad",
            "Concierto de una orquesta juvenil extranjera en intercambio con la ciudad",
            "Conferencia en una universidad sobre la acción internacional de las ciudades",
            "capacitacion a enlaces nuevos de los institutos descentralizados",
            "Practicantes universitarios de relaciones internacionales que apoyan a la "
            "oficina",
            # As staff type it in a field note:
            "taller naciones unidas pa funcionarios: nueva agenda urbana y ciudades inclusivas",
            "taller place branding pa servidores, lo dictan expertos internacionales",
            "capacitacion virtual a enlaces de dependencias en coop. internacional",
            "sensibilizacion a entes descentralizados sobre cooperacion, modalidad presencial",
            "taller estatuto temporal de proteccion migrantes venezolanos pa funcionarios",
            "difusion becas internacionales pa estudiantes bumangueses en colegios",
            "reunion ORI de universidades locales x movilidad academica",
            "intercambio cultural: grupo de danza de la ciudad hermana en el festival",
            "clases de ingles pa personal de la administracion con voluntarios extranjeros",
            "convocatoria becas de maestria en el exterior, se comparte con egresados",
            "taller urbanismo tactico y cocreacion de espacio publico pa servidores",
            "practicantes de relaciones internacionales: induccion en la oficina",
        ],
    ),
    dict(
        number=4,
        name="Cooperación nacional e internacional",
        purpose=("Conseguir y acompañar cooperación técnica y financiera para las necesidades "
                 "prioritarias de las dependencias: convocatorias, formulación y seguimiento de "
                 "proyectos con agencias, ONG y organismos multilaterales, y la oferta de "
                 "buenas prácticas de la ciudad."),
        keywords=["cooperacion", "convocatoria", "proyecto", "ong", "cooperante", "kusanone",
                  "comixta", "formulacion", "postulacion", "cooperacion tecnica"],
        examples=[
            "Formulación del proyecto de gestión del riesgo de Planeación para la Comixta con "
            "México",
            "Consulta por el resultado del proyecto del salón comunal en la convocatoria "
            "KUSANONE",
            "Perfilamiento de los proyectos priorizados de las dependencias para buscar "
            "recursos",
            "Acompañamiento a ACNUR y OIM en los barrios del proyecto Ciudades Incluyentes",
            "Comité de seguimiento del proyecto Construcción Sostenible financiado por Suiza",
            "Visita de expertos de C40 y GIZ para el plan de acción de bicicletas públicas",
            "Reunión con KOICA sobre la continuidad del proyecto de fortalecimiento de mipymes",
            "Memorando con la ONG GOAL para el proyecto de barrios resilientes",
            "Apoyo al INVISBU para presentar un proyecto a fondos de cooperación",
            "Presentación de la estrategia de la bicicleta como buena práctica para otras "
            "ciudades",
            "Postulación de un proyecto de agua potable a la convocatoria de la Unión Europea",
            "Reunión con el PNUD sobre el avance del proyecto con población migrante",
            "Informe de seguimiento del proyecto de cooperación con KOICA",
            "Mesa técnica con la APC sobre un proyecto de la Secretaría de Salud",
            "Recorrido de la ONG por los barrios beneficiarios del proyecto",
            "Oferta de la experiencia de la ciudad a otros municipios como cooperación sur-sur",
            "Seguimiento al proyecto de reducción del riesgo con la ONG en los asentamientos",
            # The 2019 report's migration work: services a humanitarian organisation brings
            # to the city's migrants are cooperation in kind, not relationship-building.
            "Coordinación con la Cruz Roja de la atención a población migrante en el centro "
            "C.A.S.A.",
            "Respuesta de la agencia de cooperación sobre el proyecto del salón comunal",
            "Gestión de recursos de cooperación para el piloto de bicicletas públicas",
            "Mesa técnica con el PNUD y las dependencias sobre un proyecto conjunto",
            "Postulación de la experiencia de la ciudad al banco de buenas prácticas",
            "Acompañamiento a funcionarios de ACNUR y OIM en reuniones con las secretarías",
            "Convenio con el Área Metropolitana, Metrolínea y Tránsito para el piloto de "
            "bicicletas públicas",
            "Gestión de aportes de una fundación empresarial y del Ministerio de Transporte "
            "para el piloto de bicicletas",
            "Convocatoria del estudio de estructuración técnica del sistema de bicicletas con "
            "apoyo del cooperante",
            "Actualización de la base de datos de convocatorias de cooperación para las "
            "dependencias",
            "Intercambio técnico con otra ciudad latinoamericana sobre gestión del riesgo "
            "(cooperación sur-sur)",
            "Respuesta de la APC: el proyecto del INVISBU sigue en evaluación en la embajada",
            "mesa con ong internacional x proyecto de mitigacion de riesgo en asentamientos",
            # As staff type it in a field note:
            "comixta colombia-mexico: apoyo a planeacion en proyecto de gestion de riesgo",
            "#KUSANONE apc responde: proyecto salon comunal invisbu sigue en evaluacion",
            "perfilamiento de 7 proyectos priorizados de dependencias pa buscar cooperacion",
            "ciudades incluyentes (onu habitat, acnur, oim): visita a barrios de provenza",
            "#GOAL mou barrios resilientes, mitigacion de riesgo en asentamientos",
            "c40cff + giz: visita de expertos, plan de accion bicicletas publicas",
            "comite seguimiento construccion sostenible, cooperacion suiza, ejecuta la camara",
            "aportes fundacion bavaria y mintransporte pa piloto metrobici",
            "convocatoria estudio de estructuracion tecnica del sistema de bicicletas",
            "mesa tecnica pnud + secretaria de salud, proyecto con migrantes",
            "estrategia de la bicicleta presentada como buena practica a otras ciudades",
            "apc: proyectos de las dependencias pa la proxima ventana de cooperacion",
            # Open calls passed on to the liaisons are this line's work, not publicity.
            "Envío a los enlaces de las dependencias del resumen de convocatorias vigentes",
            "correo a enlaces con las convocatorias de cooperacion q cierran este mes",
        ],
    ),
    dict(
        number=5,
        name="Comunicación institucional y promoción territorial",
        purpose=("Dar a conocer la ciudad y la gestión de la oficina: marca ciudad y marca "
                 "región, redes sociales, prensa y comunicados, eventos de promoción, "
                 "publicaciones, página web y boletines."),
        keywords=["comunicacion", "promocion", "marca", "redes sociales", "prensa",
                  "marca region", "marca ciudad", "boletin", "comunicado", "publicacion",
                  "newsletter", "rueda de prensa", "instagram", "facebook", "medios",
                  "linkedin", "twitter", "tiktok", "youtube", "visibilizar", "visibilidad",
                  "difusion", "difundir", "fb", "ig", "post", "posts", "historias"],
        examples=[
            "Comité editorial de la marca ciudad BGA Te Activa con Prensa y Turismo",
            "Publicación en Instagram y Facebook de las rutas gastronómicas de la ciudad",
            "Propuesta de una marca región en la mesa de internacionalización de Santander",
            "Planeación de la celebración de los 400 años de Bucaramanga",
            "Comunicado para medios sobre la llegada de una delegación extranjera",
            "Grabación de videos con extranjeros que viven en la ciudad",
            "Registro de la marca ante la Superintendencia de Industria y Comercio",
            "Entrevista radial sobre la agenda internacional de la Alcaldía",
            "Actualización de la página web de la oficina con las noticias del mes",
            "Campaña en redes sociales para promocionar la ciudad como destino",
            "Videos de la marca ciudad para las aerolíneas",
            "Nota de prensa para la página de la Alcaldía sobre el premio internacional",
            "Revisión de la identidad gráfica de la marca ciudad con la agencia de diseño",
            "Publicación de la noticia de la visita internacional en las redes de la Alcaldía",
            "Producción del video institucional de la oficina para redes",
            "Alianza con un medio de comunicación para difundir la imagen de la ciudad",
            "Contenido para la página BGA Te Activa sobre los parques de la ciudad",
            "Divulgación en medios de la agenda de los 400 años de la ciudad",
            "Presentación de la marca ciudad a empresarios para que la usen en sus productos",
            "Instalación de mupis con la marca ciudad en los parques",
            "Alianza con una emisora para difundir la marca ciudad",
            "Apoyo de la marca ciudad a eventos locales de la región",
            "Informe del crecimiento de seguidores de la marca en Instagram y Facebook",
            "Material de la marca compartido con el Bureau e Invest in Santander para su "
            "difusión",
            "Reunión del funcionario designado para la agenda de eventos de los 400 años",
            "Guía del estudiante y rutas turísticas publicadas en la página de la marca",
            "fotos y nota pa redes de la visita internacional de la semana",
            # Publicising another line's work is this line's: the press conference on an
            # agreement, the post about a visit.
            "Rueda de prensa del alcalde para anunciar el acuerdo firmado con una ciudad "
            "extranjera",
            "Comunicado y fotos para medios sobre el convenio firmado con la universidad",
            "Boletín de noticias de la oficina enviado a sus contactos internacionales",
            # As staff type it in a field note:
            "comite editorial marca ciudad BGA te activa con prensa y turismo",
            "videos bga te activa en vuelos de avianca y copa",
            "instalacion de mupis de la marca ciudad en parques",
            "alianza caracol radio pa difundir la marca ciudad",
            "mesa internacionalizacion regional: propuesta marca region santander",
            "400 años de bmanga: reunion del funcionario designado, agenda de eventos",
            "registro de la marca ante la SIC, ya es de la ciudad",
            "informe seguidores instagram y facebook de la marca",
            "material de la marca compartido con bureau, santander competitivo e invest in "
            "santander",
            "apoyo de la marca ciudad al evento santander compra santander",
            "guia del estudiante y rutas gastronomicas en la pagina bga te activa",
            "videos testimoniales de extranjeros que viven en bmanga pa redes",
            "rueda de prensa x el convenio con la ciudad hermana, cubrimiento en redes",
            "post en fb e ig sobre la visita del embajador, con fotos",
            "plan de comunicacion del año pa visibilizar lo que hace la oficina",
        ],
    ),
]


PARTNERS = [
    "APC|APC Colombia|Agencia Presidencial de Cooperación", "ProColombia",
    "ONU-Hábitat|ONU Habitat|UN-Habitat", "ACNUR", "OIM", "GOAL", "USAID", "GIZ",
    "C40|C40 Cities Finance Facility|C40CFF",
    "KOICA", "JICA", "PNUD", "UNICEF", "Unión Europea", "BID", "CAF", "Cancillería",
    "MinCIT|Ministerio de Comercio, Industria y Turismo|Ministerio de Comercio",
    "Gobernación de Santander|Gobernación",
    # "La Cámara" in a Bucaramanga note is the chamber of commerce; CCB its acronym.
    "Cámara de Comercio de Bucaramanga|Cámara de Comercio|CCB|Cámara|Cámara de Comercio de Bga",
    "Comisión Regional de Competitividad|CRC",
    "FDN|Financiera de Desarrollo Nacional", "UPB|Universidad Pontificia Bolivariana",
    # KUSANONE grants and MEXT scholarships are run by the embassy itself.
    "Alianza Francesa", "Embajada de Francia", "Embajada de Japón|KUSANONE|MEXT",
    "Cruz Roja|Cruz Roja Colombiana",
    "Registraduría Nacional|Registraduría Nacional del Estado Civil|Registraduría",
    # Decentralised institutes work with the office as partners too.
    "Instituto Municipal de Cultura y Turismo|IMCT|ICT|Instituto de Cultura y Turismo|"
    "Instituto de Cultura|Subdirección de Turismo",
    "Cooperación Suiza|Gobierno Suizo|Gobierno de Suiza",
    "IMEBU", "INVISBU",
    # Named in the office's 2019 report (the knowledge base adds its own at start).
    "CIAT", "Comfenalco", "Caracol Radio|Caracol", "Avianca", "Copa Airlines|Copa",
    "Ministerio de Ambiente|MinAmbiente",
    "Santander Competitivo", "Invest in Santander|Invest en Santander",
    "Bureau de Convenciones|Bureau de Convenciones de Bucaramanga|Bureau",
    # Named in the office's reports (2019: the portal único del constructor event; 2021:
    # the regional internationalisation table), with their usual short forms.
    "Ministerio de Vivienda|MinVivienda|Ministerio de Vivienda, Ciudad y Territorio",
    "Función Pública|Departamento Administrativo de la Función Pública|DAFP",
    "Mesa de Internacionalización Regional de Santander|Mesa de Internacionalización Regional|"
    "Mesa de Internacionalización",
    # The networks of cities an international-affairs office of a Latin American city
    # joins or applies to (CGLU and FLACMA come from the knowledge base).
    "Mercociudades", "CIDEU|Centro Iberoamericano de Desarrollo Estratégico Urbano",
    "UCCI|Unión de Ciudades Capitales Iberoamericanas", "Metropolis",
    "ICLEI|ICLEI Gobiernos Locales por la Sustentabilidad",
]
DEPARTMENTS = [
    "Despacho del Alcalde", "Secretaría de Planeación|Planeación",
    "Secretaría de Hacienda|Hacienda", "Secretaría de Educación",
    "Secretaría de Salud y Ambiente", "Secretaría de Desarrollo Social",
    "Secretaría de Infraestructura", "Secretaría del Interior", "Secretaría Jurídica",
    "Secretaría Administrativa", "Oficina Asesora de Comunicaciones", "INVISBU", "IMEBU",
    "IMCT|Instituto Municipal de Cultura y Turismo", "Dirección de Tránsito",
]
