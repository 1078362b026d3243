"""The kinds of fact a question may ask for, each with what asks for it and what holds it.

A question about the right subject asking for a kind of fact its entry does not
hold (see :mod:`bot.knowledge.facts`) gets no answer. Each kind is a pair of
patterns on folded text: the wording that asks for it ("¿cuánto cuesta…?",
"¿a qué hora…?") and what an entry holding it contains (a price, a timetable).
Kinds that need the entry as written (capitals tell a person's name from a word,
"5 de Enero" a neighbourhood from a date) are judged on the unfolded text.
"""

from __future__ import annotations

import re

from bot.texts import knowledge as texts

MONTHS = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
           "noviembre|diciembre|january|february|march|april|may|june|july|august|september|"
           "october|november|december")

# (name shown to the person, what asks for it, what an entry holding it contains)
KINDS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (texts.FACT_CONTACT,
     re.compile(r"\b(telefono|celular|whatsapp|numero de contacto|correo electronico|"
                r"email|phone|extension|y correo|contact details)\b|"
                r"\b(me das|dame|cual es) (el|su) (correo|numero)\b|\bquien es el contacto\b|"
                r"\b(quien es|quienes son|cual es) (la|las) personas? de contacto\b|"
                r"\bdatos de contacto\b|\bcontact person\b|"
                r"\b(a|en) (que|cual) (correo|email|mail|numero)\b|"
                r"\b(me |nos )?(pasa|pasas|pasame|regala|regalas|comparte|compartes) (el|su) "
                r"(correo|numero|telefono|celular|contacto|whatsapp)\b"),
     re.compile(r"\b(tel\.?|telefono|celular|@|\+57)\b")),
    (texts.FACT_WEB,
     re.compile(r"\b(pagina web|sitio web|pagina de internet|link|url|website|web page|"
                r"web site|direccion web|direccion de la pagina|web address|enlace web)\b"),
     re.compile(r"(https?:|www\.|\.com\b|\.org\b|\.gov\b|\.co\b|pagina web|sitio web)")),
    # Credentials to enter a system: no guide gives them.
    (texts.FACT_ACCESS,
     re.compile(r"\b(usuario y (contrasena|clave)|contrasena|clave de acceso|password|"
                r"(que|cual|un) usuario (nos|me|le|les) (dan|darian|asignan|dieron))\b"),
     re.compile(r"\b(contrasena|clave de acceso|password)\b")),
    (texts.FACT_ADDRESS, re.compile(r"\b(cual es la direccion|y la direccion|su direccion|"
                             r"donde queda|donde quedan|address)\b"),
     re.compile(r"\b(direccion|calle|carrera|cra\.?|avenida)\b")),
    # "orario": the silent h is the commonest slip on a phone.
    (texts.FACT_HOURS, re.compile(r"\b(h?orarios?|a que h?ora|opening hours|"
                                 r"que dias (atiende|atienden|abre|abren|funciona|funcionan)|"
                                 r"(dias|horas) de atencion|(atiende|atienden|abre|abren) los "
                                 r"(sabados|domingos|fines de semana|festivos))\b"),
     re.compile(r"\b(horario|a\.m\.|p\.m\.|\d{1,2}:\d{2}|lunes|martes|miercoles|jueves|"
                r"viernes|sabados?|domingos?)")),
    (texts.FACT_PRICE,
     re.compile(r"\b(cuanto (le |les |me |nos )?(cuesta|cuestan|vale|valen|cobra|cobran)|"
                r"precio|tarifa|tarifas|"
                r"es gratis|es gratuit[oa]|hay que pagar|tiene (algun )?costo|"
                r"how much does|fee|fees|is it free)\b"),
     # A price, or the entry saying there is none ("sin costo", "gratuitos").
     re.compile(r"(\$|\bpesos\b|\bdolares\b|\busd\b|\bcop\b|\bprecio\b|\btarifa|"
                r"\bgratuit|\bsin costo\b|\bno tiene costo\b|\bfree\b)")),
    (texts.FACT_AMOUNT,
     re.compile(r"\b(cuanta plata|cuanto dinero|cuantos recursos|montos?|"
                r"cuantos (millones|pesos|dolares|euros)|valor en (pesos|dolares|euros)|"
                r"valor total|"
                r"cuanto (aporto|aportaron|dio|dieron|invirtio|invirtieron|financio|donaron?|"
                r"costo|costaron|gasto|gastaron|se gasto|se gastaron|se invirtio|valio|valieron|"
                r"pago|pagaron|tuvo que pagar|tuvieron que pagar|presto|prestaron|"
                r"desembolso|desembolsaron)|"
                r"how much (did|does|do|will|would) [a-z0-9' ]{1,40} (pay|cost|spend|invest|"
                r"lend|loan|"
                r"contribute|give|put in)|"
                r"(por|de) cuanto (fue|fueron|era|eran|es|son|seria|serian|salio|salieron)|"
                r"how much money|how much funding|(cual|cuanto|que) (es |era |fue )?"
                r"(el |su )?presupuesto|budget)\b"),
     # An amount, or the entry saying there was none ("no tenía presupuesto asignado").
     # ("euro-latinoamericana" names no currency.)
     re.compile(r"(\$|\bmillones?\b|\bdolares\b|\busd\b|\bcop\b|\beuros?\b(?!-)|\bpesos\b|"
                r"\bfrancos\b|\byenes\b|\bsin presupuesto\b|\bno (tenia|tiene|tuvo) presupuesto\b|"
                r"\bsin recursos\b)")),
    (texts.FACT_SALARY, re.compile(r"\b(sueldo|sueldos|salario|salarios|salary|cuanto gana|"
                                  r"cuanto ganan|honorarios|cuanto (les? )?pagan|"
                                  r"bonificacion|bonificaciones)\b"),
     re.compile(r"(\$|\bpesos\b|\bsalario|\bhonorarios)")),
    (texts.FACT_DURATION,
     re.compile(r"\b(cuanto (tiempo )?(tarda|tardan|demora|demoran|se demora|se demoran|dura|"
                r"duran|duro)|how long (does|did|will|do))\b"),
     re.compile(r"\b(\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|"
                r"veinte|treinta) (dias|semanas|meses|anos|horas|days|weeks|months|years)\b|"
                r"\bhasta (el|finales|diciembre|20)")),
    # A rate (of interest, of growth, a share): an entry that gives none has no "%".
    (texts.FACT_PERCENT,
     re.compile(r"\b(tasa de interes|tasas de interes|que tasa|que porcentaje|"
                r"cual (es|fue|era|seria) el porcentaje|en que porcentaje|interest rate|"
                r"what percentage|what share|en porcentaje|tasa de (exito|aprobacion|"
                r"ejecucion)|porcentaje de (exito|aprobacion|ejecucion)|success rate)\b"),
     re.compile(r"(%|\bpor ciento\b|\bporcentaje\b|\btasa de\b|\bpercent\b)")),
    # When a call closes: a guide that names no month nor date does not say.
    (texts.FACT_DEADLINE,
     re.compile(r"\b(fecha limite|fechas limite|fecha de cierre|cuando (cierra|cierran|abre|abren)|"
                r"hasta cuando (hay|tengo|tenemos|tienen|se puede|puedo|podemos|reciben|recibe)|"
                r"plazo para (postular|postularse|aplicar|inscribir|inscribirse|presentar|enviar)|"
                r"deadline|closing date|when does (it|the call|the application) close)\b"),
     re.compile(rf"\b(?:{MONTHS})\b|\b\d{{1,2}}/\d{{1,2}}\b|\bhasta el\b|\bplazo\b")),
    # A place in a ranking or a score: an entry that gives none names no position.
    (texts.FACT_RANK,
     re.compile(r"\b(que (puesto|lugar|posicion) (ocupa|ocupo|tiene|tuvo|quedo)|en que (puesto|"
                r"lugar|posicion) (esta|quedo|va)|ranking|escalafon|(que|cual (es|fue|era) "
                r"(el|la|su)) (puntaje|calificacion|nota)|"
                r"what (rank|ranking|score|rating|position))\b"),
     re.compile(r"\b(puesto|lugar|posicion|ranking|escalafon|puntaje|calificacion)\b")),
    # A measure (kilometres, hectares, tons) that an entry gives with its unit.
    (texts.FACT_MEASURE,
     re.compile(r"\b(cuant[oa]s (kilometros|km|metros|hectareas|toneladas|litros|m2)|"
                r"how many (kilometres|kilometers|km|miles|metres|meters|hectares|tons|litres|"
                r"liters))\b"),
     re.compile(r"\d[\d.,]* ?(kilometros|km|metros|m2|hectareas|ha|toneladas|litros)\b")),
    # Figures or statistics: an entry holding some has a quantity, not only years and
    # list numbers ("Liverpool 2024" is a plan's name).
    (texts.FACT_FIGURES,
     re.compile(r"\b(cifras?|estadisticas?|figures|statistics)\b"),
     re.compile(r"(\d{1,3}[.,]\d{3}|\d ?%|\bpor ciento\b|\b\d+ (mil|millones|personas|"
                r"visitantes|turistas|empresas|seguidores|jovenes|proyectos|participantes|"
                r"asistentes|funcionarios|estudiantes|becas|paises|ciudades|migrantes)\b)")),
    # A contract or a tender: who won it, what it says; the entries tell what the office
    # agreed with partners, not the city's procurement.
    (texts.FACT_CONTRACT,
     re.compile(r"\b(licitacion|licitaciones|contratista|contratistas|"
                r"que empresa (gano|ganaron|se gano)|(tender|bid|procurement)s?|"
                r"(que|cual) (empresa|agencia|firma) (lo |la |los |las )?(diseno|hizo|construyo|"
                r"desarrollo|elaboro|fabrico|produjo)|nombre de la (empresa|agencia|firma)|"
                r"won the contract|(which|what) company (won|built|got))\b"),
     re.compile(r"\b(licitac\w*|contratist\w*|contrat\w*|adjudic\w*|(disenad|hech|construid|"
                r"elaborad|desarrollad)[oa]s? por)")),
    # When an institution was founded: an entry about what the office did with it gives
    # the founding only in so many words.
    (texts.FACT_FOUNDED,
     re.compile(r"\b((en )?que ano (se fundo|fue fundad[oa]|la fundaron|lo fundaron)|"
                r"cuando (se fundo|fue fundad[oa]|la fundaron|lo fundaron)|fecha de fundacion|"
                r"when was [a-z' ]{1,40} founded|year [a-z' ]{1,30} founded)\b"),
     re.compile(r"\b(fundad[oa]s? en|se fundo|fue fundad[oa]|fundada|fundado|fundacion en|"
                r"creada en|creado en|nacio en|existe desde)\b")),
    # The formalities of a trip (a visa, vaccines, tickets): another office's business,
    # which an entry on a city or a partner does not cover unless it names them.
    (texts.FACT_TRAVEL,
     re.compile(r"\b(visas?|visado|pasaportes?|vacunas?|pasajes?|tiquetes?|vuelos?|hoteles?|"
                r"hospedaje|alojamiento|apostill\w*|flights?|vaccines?|tickets?)\b"),
     re.compile(r"\b(visas?|visado|pasaportes?|vacunas?|pasajes?|tiquetes?|vuelos?|hoteles?|"
                r"hospedaje|alojamiento|apostill\w*)\b")),
    # A file sent over ("¿me envías el acta?"): Enlace tells what the documents say,
    # it has no files to send.
    (texts.FACT_FILE,
     re.compile(r"\b(me |nos )?(puedes|puede|pueden|podrias|podria|podrian) (enviar|mandar|"
                r"pasar|compartir|adjuntar|reenviar)(me|nos)? (el|la|los|las|una|un) (acta|actas|"
                r"archivo|archivos|pdf|copia|formulario|formato|presentacion|diapositivas)\b|"
                r"\b(descargar|bajar) (el|la|los|las) (acta|archivo|pdf|formulario|formato)\b|"
                r"\b(formato|plantilla) (oficial|para reportar)|\bdonde (lo |la |los |las )?"
                r"(descargo|bajo|descargamos)\b|"
                r"\bsend me the (file|pdf|minutes|form)\b"), None),
    # What any atlas says of a place (its population, climate, language, currency): the
    # entries tell what the office did with a city, not what the city is like.
    (texts.FACT_PLACE,
     re.compile(r"\b(cuantos habitantes|cuanta poblacion|que poblacion tiene|superficie|"
                r"cual es la poblacion|what is the population|how many inhabitants|"
                r"cuanto mide|que clima|como es el clima|que idioma se habla|moneda|"
                r"tasa de cambio|population of|how many people live|weather|climate|"
                r"what language|currency|exchange rate)\b"),
     re.compile(r"\b(poblacion|habitantes|superficie|km|kilometros|clima|idioma|lengua|"
                r"moneda|tasa de cambio)\b")),
    # A recipe, how to cook a dish: the entries tell what the office did for the region's
    # brand, never how its food is made ("la receta del éxito" is no dish).
    (texts.FACT_RECIPE,
     re.compile(r"\b(recetas?|recipes?)\b(?! (para|del|de la) (el )?(exito|internacionaliz\w*|"
                r"cooperacion|estrategia))|\b(como se cocina|como cocino|como cocinar|"
                r"how (do i|to) cook)\b"),
     re.compile(r"\b(recetas?|ingredientes)\b")),
    # What a procedure asks for (a visa, a permit, a call): a guide about the subject
    # that names no requirement or condition does not say.
    (texts.FACT_REQUIREMENTS,
     re.compile(r"\b(requisitos?|requirements?|que (documentos|papeles) (piden?|exigen?|"
                r"solicitan?|necesito|se necesitan|hay que)|que (necesito|necesitamos|se "
                r"necesita|piden|hay que tener|hay que presentar) para (postular|aplicar|"
                r"inscribir|participar|acceder|presentar|entrar)\w*|how (do|can) (i|we) apply|"
                # the steps to get a document from another office ("cómo saco el PPT")
                r"(como|donde) (hago|hacemos|se hace|puedo|podemos)? ?(para |pa )?(sacar|"
                r"tramitar|obtener|solicitar|expedir|renovar) (el|la|un|una|su) (permiso|"
                r"cedula|pasaporte|visa|certificado|documento|licencia|ppt|pep)|"
                r"como (saco|tramito|obtengo|renuevo) (el|la|un|una|su) \w+)\b"),
     re.compile(r"\b(requisit\w*|requier\w*|requerid\w*|deben? (presentar|cumplir|tener|ser)|"
                r"condicion\w*|pueden (presentar|participar|postular))")),
    (texts.FACT_FUTURE_DATE,
     re.compile(r"\b(proxima|proximo|proximas|proximos|next|upcoming|(la|el) siguiente "
                r"(edicion|convocatoria|version|reunion|encuentro|feria|cumbre|visita|"
                r"informe|comixta)|"
                # next year, as people say it ("¿cuándo abre el otro año?")
                r"el otro ano|el ano que viene|el ano entrante|next year|"
                # a visit again ("¿cuándo vuelve la delegación?")
                r"cuando (vuelve|vuelven|volvera|volveran|regresa|regresan|regresara|regresaran)|"
                # a publication still to come ("¿cuándo sale el segundo fascículo?")
                r"cuando (sale|salen|saldra|saldran|se publica|se publicara|publicaran)|"
                r"(viene|vienen|vendra|vendran) (otra vez|de nuevo|nuevamente)|"
                r"when (will|is|are|does) [a-z' ]{1,30} (come back|return|visit again))\b"), None),
    # When an agreement expires: the registry may know (/convenios), an entry rarely says.
    (texts.FACT_FUTURE_DATE,
     re.compile(r"\b(cuando vence|se vence|vencimiento|expira|hasta (que|cual) (ano|fecha)|"
                r"vigente hasta|until when|expire|expires)\b"),
     re.compile(r"\b(vigente hasta|vence el|vencimiento|vigencia de|expira el)\b")),
    (texts.FACT_OFFICE_HOLDER,
     re.compile(r"\b(quien es|quienes son|who is)\b.{0,30}\b(alcalde|alcaldesa|director|"
                r"directora|embajador|embajadora|secretario|secretaria|ministro|ministra|"
                r"presidente|presidenta|gobernador|gobernadora|consul|jefe|jefa|mayor|"
                r"gerente|rector|rectora)\b|"
                # who won an election, of which party: the guides name no politics
                r"\bquien(es)? (gano|ganaron) (la alcaldia|las elecciones|la gobernacion)|"
                r"\b(de )?que partido\b|\bpartido politico\b|\bpolitical party\b"), None),
    # The entries retell dated reports and guides: how things stand today is not in them.
    (texts.FACT_TODAY,
     re.compile(r"\b(hoy|ahorita|actual|actuales|actualmente|en la actualidad|a la fecha|todavia|"
                r"siguen? (vigentes?|activ[oa]s?|funcionando|existiendo|operando|abiert[oa]s?)|"
                r"en este momento|por estos dias|today|ultimas noticias|noticias (de|sobre)|"
                r"latest news|any news|"
                # a span up to now: the guides end with their reports (2019, 2021)
                r"en los ultimos (\d+|dos|tres|cuatro|cinco|diez) (anos|meses)|"
                r"(in|over) the (last|past) (\w+ )?(years|months)|"
                # whether a work is finished by now ("¿ya está construido?")
                r"ya (esta|estan) (construid|terminad|list|hech|abiert|inaugurad|funcionando|"
                r"operando|en funcionamiento|en operacion)\w*|"
                r"is it (already )?(built|finished|open|running)|"
                r"current|currently|nowadays|at present|at the moment|right now|these days|"
                r"still)\b"), None),
)

# The name of who held a role ("¿cómo se llama el alcalde que vino?", "¿quién fue el
# experto que lo dictó?"; "¿quién firmó?" is answered by the parties): an entry holds it
# when a role word stands shortly before two capitalised words ("el alcalde Aníbal
# Gaviria", "su presidente, Gabriel Cadavid").
ROLES = (r"alcalde|alcaldesa|director|directora|embajador|embajadora|secretario|secretaria|"
          r"ministro|ministra|presidente|presidenta|gobernador|gobernadora|consul|jefe|jefa|"
          r"experto|experta|expertos|ponente|ponentes|conferencista|tallerista|firmante|"
          r"coordinador|coordinadora|representante|delegado|delegada|mayor|expert|speaker")
PERSON_ASKED = re.compile(
    rf"\b(nombres? (del|de la|de los|de las) ({ROLES})|"
    rf"como se (llama|llamaba|llaman|llamaban) (el|la|los|las) ({ROLES})|"
    r"quien (lo |la |los |las )?(dicto|dictaron)|"
    rf"quien(es)? (fue|fueron|era|eran) (el|la|los|las) ({ROLES})|"
    rf"name of the ({ROLES})|what was the ({ROLES})'?s name|"
    rf"(el|la|los|las) ({ROLES})\b[^?.]{{0,40}}\b(como se llama|como se llaman|what is (his|her) "
    r"name))\b")
PERSON_NAMED = re.compile(
    r"\b(?i:alcalde|alcaldesa|director|directora|embajador|embajadora|secretario|secretaria|"
    r"ministro|ministra|presidente|presidenta|gobernador|gobernadora|c[oó]nsul|jefe|jefa|"
    r"expert[oa]s?|ponentes?|conferencista|tallerista|firmantes?|coordinador|coordinadora|"
    r"representante|delegad[oa]|firmad[oa] por|dictad[oa] por|a cargo de)\b[^.;\n]{0,40}?"
    r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+,?\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+")

# The names of the members of a group ("los nombres de los proyectos"): an entry
# that names them has at least two capitalised names in a row ("Quito, Lima y Morón").
NAMES_ASKED = re.compile(r"\b(los nombres|sus nombres|nombres exactos|nombre de cada|"
                          r"nombres de (los|las|cada|esos|esas|estos|estas)|the names of|"
                          r"their names)\b")
NAMES_GIVEN = re.compile(r"[A-ZÁÉÍÓÚÑ][\w.-]*(?: [\w.-]+){0,3}(?:, | y | e )"
                          r"(?:(?:el|la|los|las) )?[A-ZÁÉÍÓÚÑ]")

# The day something happened ("¿en qué fecha exacta…?"): a month or a year is not it.
# Judged on the entry as written: a month in prose is lower case, and "5 de Enero" with a
# capital is a name (a neighbourhood), not a date.
DAY_ASKED = re.compile(r"\b(fechas? exactas?|dias? exactos?|que dia es|en que dia|que dias son|"
                        r"que fecha es cada|que dia (exactamente|exacto|fue|se)|"
                        r"exact date|what day|on which day|on what date)\b")
DAY = re.compile(rf"\b\d{{1,2}}(?: de | )(?:{MONTHS})\b|\b(?:{MONTHS}) \d{{1,2}}\b|"
                  r"\b\d{1,2}/\d{1,2}\b")
