La inflación de mayo fue del 4,2 % y el Gobierno celebra la desaceleración

Buenos Aires, 14 de junio de 2024

El índice de precios al consumidor subió un 4,2 % en mayo, 4,6 puntos porcentuales menos que en abril, informó este viernes el Instituto Nacional de Estadística y Censos (Indec).

El ministro de Economía, Luis Caputo, atribuyó la baja al superávit fiscal y a la compra de 1.200 millones de dólares por parte del Banco Central durante el mes.

Sin embargo, la caída del consumo afecta a medio millón de comercios y el 15 % de los hogares dejó de comprar alimentos básicos, según un estudio de la Universidad de Buenos Aires.

Una docena de provincias registraron aumentos por encima del promedio nacional, con Salta y Jujuy a la cabeza, cerca del 6,1 %.

Los analistas consultados esperan que la inflación mensual baje del 4 % en junio, aunque advierten que el aumento de las tarifas de gas previsto para el 1 de julio podría frenar esa tendencia.

El dato de junio se conocerá el 12 de julio, dos semanas antes de que el Congreso debata el presupuesto de 2025.
