Sismo de magnitud 6,4 sacude el sur de México y deja al menos tres muertos

Ciudad de México, 8 de junio de 2024

Un sismo de magnitud 6,4 sacudió la madrugada de este sábado los estados de Oaxaca y Guerrero, en el sur de México, y causó la muerte de al menos tres personas, según informaron las autoridades de protección civil.

El Servicio Sismológico Nacional ubicó el epicentro a 12 kilómetros al sur de Pinotepa Nacional, en Oaxaca, a una profundidad de 16 kilómetros. El temblor se registró a las 3:42 hora local y se sintió con fuerza en la capital del país, donde sonó la alerta sísmica y miles de personas salieron a la calle en pijama. Las autoridades capitalinas informaron horas después que no había daños graves en la ciudad.

En Oaxaca, el gobernador Salomón Jara dijo que dos de las víctimas murieron al derrumbarse el techo de sus viviendas en la localidad de Jamiltepec y que una tercera persona falleció en un hospital de Pinotepa.

Protección Civil contabilizó más de 1.500 viviendas dañadas, 34 escuelas afectadas y cortes de electricidad que dejaron sin servicio a unos 250.000 usuarios.

La Comisión Federal de Electricidad informó a mediodía que había restablecido el suministro al 80 % de los afectados.

El presidente Andrés Manuel López Obrador ordenó desplegar al Ejército y a la Guardia Nacional para apoyar a la población y aseguró en sus redes sociales que el Gobierno federal atenderá a todas las familias damnificadas.

Hasta las 