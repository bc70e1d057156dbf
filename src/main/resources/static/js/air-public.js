// The public air-quality page: counties on a plain longitude/latitude plot (no online map tiles), and trends.
(function () {
  var map = document.getElementById('air-map');
  if (!map || !window.echarts) { return; }
  var en = map.dataset.lang === 'en';
  fetch(map.dataset.src, { headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var points = data.regions.filter(function (r) { return r.longitude !== null; }).map(function (r) {
        return { name: en ? r.nameEn : r.name, value: [Number(r.longitude), Number(r.latitude), r.aqi],
                 itemStyle: { color: r.color || '#adb5bd', borderColor: '#333' } };
      });
      var mapChart = echarts.init(map);
      mapChart.setOption({
        grid: { left: 50, right: 20, top: 20, bottom: 40 },
        xAxis: { type: 'value', scale: true, name: en ? 'Longitude' : '经度' },
        yAxis: { type: 'value', scale: true, name: en ? 'Latitude' : '纬度' },
        tooltip: { formatter: function (p) { return p.name + ': AQI ' + (p.value[2] === null ? 'NA' : p.value[2]); } },
        series: [{ type: 'scatter', symbolSize: 26, data: points,
                   label: { show: true, position: 'right', formatter: function (p) {
                     return p.name + ' ' + (p.value[2] === null ? 'NA' : p.value[2]); } } }]
      });
      var names = {};
      data.regions.forEach(function (r) { names[r.code] = en ? r.nameEn : r.name; });
      var series = Object.keys(data.trend).sort().map(function (code) {
        var city = code === 'CITY';
        return { name: city ? (en ? 'City' : '全市') : names[code] || code, type: 'line', data: data.trend[code],
                 connectNulls: false, lineStyle: { width: city ? 4 : 1 }, z: city ? 10 : 2 };
      });
      var trend = echarts.init(document.getElementById('air-trend'));
      trend.setOption({
        grid: { left: 45, right: 20, top: 60, bottom: 40 },
        legend: { type: 'scroll', top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: data.days },
        yAxis: { type: 'value', name: 'AQI' },
        series: series
      });
      window.addEventListener('resize', function () { mapChart.resize(); trend.resize(); });
      map.dataset.ready = 'true';
    });
})();
